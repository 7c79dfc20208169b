import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveTranscriptProvider, type LiveState } from './live-transcript-provider.ts';
import { initialSaveState } from './save-status.ts';

const idleState: LiveState = { connection: 'connecting', role: null, userId: null, isSynced: false, save: initialSaveState, closed: null, roleNotice: null };
const noSubscription = () => () => undefined;
const readIdle = () => idleState;

/** Connections started ahead of their editor (startLiveTranscript), by lower-cased transcript id, until adopted. */
const started = new Map<string, LiveTranscriptProvider>();
/** Ids with a mounted useLiveTranscript, so a late start does not open a second connection. */
const inUse = new Map<string, number>();

/**
 * Opens the live connection for a transcript before the component that uses it mounts (the page
 * starts it while it fetches the transcript's summary, so the two travel at once); the next
 * useLiveTranscript for that id adopts it. Returns a clean-up that closes it if nobody did.
 */
export function startLiveTranscript(transcriptId: string): () => void {
  const key = transcriptId.toLowerCase();
  if (started.has(key) || inUse.has(key)) return () => undefined;
  const provider = new LiveTranscriptProvider(transcriptId);
  started.set(key, provider);
  return () => {
    if (started.get(key) !== provider) return;
    started.delete(key);
    provider.destroy();
  };
}

/** Opens (or adopts, see startLiveTranscript) the live connection for one transcript while the calling component is mounted. */
export function useLiveTranscript(transcriptId: string): { provider: LiveTranscriptProvider | null; state: LiveState } {
  const [provider, setProvider] = useState<LiveTranscriptProvider | null>(null);

  useEffect(() => {
    const key = transcriptId.toLowerCase();
    const early = started.get(key);
    started.delete(key);
    // One closed before it was wanted (e.g. opened before signing in) is replaced, not adopted.
    if (early?.getState().closed) early.destroy();
    const created = early && !early.getState().closed ? early : new LiveTranscriptProvider(transcriptId);
    inUse.set(key, (inUse.get(key) ?? 0) + 1);
    setProvider(created);
    return () => {
      const left = (inUse.get(key) ?? 1) - 1;
      if (left > 0) inUse.set(key, left);
      else inUse.delete(key);
      setProvider(null);
      created.destroy();
    };
  }, [transcriptId]);

  const state = useSyncExternalStore(provider?.subscribe ?? noSubscription, provider?.getState ?? readIdle);
  return { provider: provider?.transcriptId === transcriptId.toLowerCase() ? provider : null, state };
}
