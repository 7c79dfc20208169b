import { useMemo } from 'react';
import { fetchQueueState } from '../../api/queue.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';

const none: ReadonlySet<string> = new Set();

/**
 * What the server keeps of the queue: how items were resolved (who, when, how) and which are dismissed
 * for everyone. Re-read whenever anyone records a resolution (the `queue` topic), so the "Resolved"
 * section and the hidden pairs follow on every reviewer's screen without a reload.
 */
export function useQueueRecord(provider: LiveTranscriptProvider, transcriptId: string) {
  const query = useApiQuery(`queue:${transcriptId}`, (signal) => fetchQueueState(transcriptId, signal));
  useLiveChanges(provider, ['queue'], query.reload);
  const dismissed = useMemo(() => (query.data ? new Set(query.data.dismissedKeys) : none), [query.data]);
  return { resolutions: query.data?.resolutions ?? [], dismissed, error: query.error, reload: query.reload };
}
