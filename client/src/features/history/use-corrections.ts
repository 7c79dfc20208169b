import { useEffect, useState } from 'react';
import type { CorrectionEntry, CorrectionListResponse } from '@verity/common';
import { listCorrections } from '../../api/corrections.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';

/** After an edit, the list is re-read once things are quiet for this long (the server aligns every turn). */
const refreshAfterEditMs = 800;

/**
 * The corrections raw → current (all, or one turn's) and the accuracy summary, live: re-read when the
 * server says a class changed (another reviewer), shortly after edits while `isActive`, and when it becomes active.
 */
export function useCorrections(provider: LiveTranscriptProvider, options: { turnId?: string; isActive: boolean }) {
  const { transcriptId } = provider;
  const { turnId, isActive } = options;
  const query = useApiQuery(`corrections:${transcriptId}:${turnId ?? ''}`, (signal) => listCorrections(transcriptId, { turnId, signal }));
  const { reload } = query;
  useLiveChanges(provider, ['corrections'], reload);
  // Edits made while hidden were not followed: read again once when shown.
  const [wasActive, setWasActive] = useState(isActive);
  if (wasActive !== isActive) {
    setWasActive(isActive);
    if (isActive) reload();
  }
  useEffect(() => {
    if (!isActive) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The server stores an edit before acknowledging it, so a re-read after a quiet moment includes it.
    const handle = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, refreshAfterEditMs);
    };
    provider.doc.on('update', handle);
    return () => {
      provider.doc.off('update', handle);
      if (timer) clearTimeout(timer);
    };
  }, [provider, reload, isActive]);
  return query;
}

/** Replaces one entry in a list response with what the server answered for it. */
export function withCorrection(data: CorrectionListResponse, changed: CorrectionEntry): CorrectionListResponse {
  return { ...data, corrections: data.corrections.map((entry) => (entry.key === changed.key ? changed : entry)) };
}
