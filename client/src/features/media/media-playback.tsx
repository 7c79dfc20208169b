import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** What the text needs from the player: whether there is something to play, and a way to go somewhere in it. */
export interface MediaPlayback {
  hasRecording: boolean;
  /** Moves the playhead to `seconds` (and keeps playing if it was). */
  seek: (seconds: number) => void;
  /** Where the playhead is (seconds, to a tenth), or null without a recording: read on demand, never rendered. */
  playhead: () => number | null;
  /** The player registers its media element here (null when it goes away). */
  attach: (element: HTMLMediaElement | null) => void;
}

const MediaPlaybackContext = createContext<MediaPlayback>({ hasRecording: false, seek: () => undefined, playhead: () => null, attach: () => undefined });

/**
 * Shares the docked player with the text (timecodes seek) without re-rendering the text as it plays:
 * the value changes only when a recording comes or goes. Each reviewer's playback is their own: nothing
 * here is sent to anyone.
 */
export function MediaPlaybackProvider({ children }: { children: ReactNode }) {
  const element = useRef<HTMLMediaElement | null>(null);
  const [hasRecording, setHasRecording] = useState(false);
  const attach = useCallback((media: HTMLMediaElement | null) => {
    element.current = media;
    setHasRecording(media !== null);
  }, []);
  const seek = useCallback((seconds: number) => {
    const media = element.current;
    if (media) media.currentTime = Math.max(0, seconds);
  }, []);
  const playhead = useCallback(() => (element.current ? Math.round(element.current.currentTime * 10) / 10 : null), []);
  const value = useMemo(() => ({ hasRecording, seek, playhead, attach }), [hasRecording, seek, playhead, attach]);
  return <MediaPlaybackContext.Provider value={value}>{children}</MediaPlaybackContext.Provider>;
}

export const useMediaPlayback = () => useContext(MediaPlaybackContext);
