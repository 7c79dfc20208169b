import { useEffect, useState, type RefObject } from 'react';
import { isTypingTarget } from '../../components/is-typing-target.ts';

/** The transcriptionist's habits, kept per browser. */
export interface PlaybackHabits {
  /** Resuming after a pause starts this many seconds earlier (0: off). */
  rewindOnResumeSeconds: number;
  /** Typing pauses playback; it resumes a moment after the last key. */
  isPausedWhileTyping: boolean;
}

const storageKey = 'verity.playback-habits';
const defaults: PlaybackHabits = { rewindOnResumeSeconds: 0, isPausedWhileTyping: false };
/** How long after the last key a typing pause resumes. */
export const resumeAfterTypingMs = 1200;

function readHabits(): PlaybackHabits {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<PlaybackHabits>;
    return {
      rewindOnResumeSeconds: stored.rewindOnResumeSeconds === 2 ? 2 : 0,
      isPausedWhileTyping: stored.isPausedWhileTyping === true,
    };
  } catch {
    return defaults;
  }
}

/** Where playback resumes: a little earlier when the habit is on, never before the start. */
export function resumePosition(current: number, habits: Pick<PlaybackHabits, 'rewindOnResumeSeconds'>): number {
  return Math.max(0, current - habits.rewindOnResumeSeconds);
}

/** The habits, their setter, and (applied to `media`) the pause-while-typing behaviour. */
export function usePlaybackHabits(media: RefObject<HTMLMediaElement | null>) {
  const [habits, setHabits] = useState(readHabits);
  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(habits));
  }, [habits]);

  useEffect(() => {
    if (!habits.isPausedWhileTyping) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let isPausedByTyping = false;
    const handle = (event: KeyboardEvent) => {
      const element = media.current;
      if (!element || event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey || !isTypingTarget(event.target)) return;
      if (!element.paused) {
        element.pause();
        isPausedByTyping = true;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (isPausedByTyping && element.paused) void element.play().catch(() => undefined);
        isPausedByTyping = false;
      }, resumeAfterTypingMs);
    };
    document.addEventListener('keydown', handle, true);
    return () => {
      document.removeEventListener('keydown', handle, true);
      if (timer) clearTimeout(timer);
    };
  }, [habits.isPausedWhileTyping, media]);

  return { habits, setHabits };
}
