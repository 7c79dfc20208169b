import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveTranscriptProvider, type LiveState } from './live-transcript-provider.ts';
import { initialSaveState } from './save-status.ts';

const idleState: LiveState = { connection: 'connecting', role: null, userId: null, isSynced: false, save: initialSaveState, closed: null, roleNotice: null };
const noSubscription = () => () => undefined;
const readIdle = () => idleState;

/** Opens the live connection for one transcript while the calling component is mounted. */
export function useLiveTranscript(transcriptId: string): { provider: LiveTranscriptProvider | null; state: LiveState } {
  const [provider, setProvider] = useState<LiveTranscriptProvider | null>(null);

  useEffect(() => {
    const created = new LiveTranscriptProvider(transcriptId);
    setProvider(created);
    return () => {
      setProvider(null);
      created.destroy();
    };
  }, [transcriptId]);

  const state = useSyncExternalStore(provider?.subscribe ?? noSubscription, provider?.getState ?? readIdle);
  return { provider: provider?.transcriptId === transcriptId ? provider : null, state };
}
