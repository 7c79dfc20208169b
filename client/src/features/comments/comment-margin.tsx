import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { CommentThread } from '@verity/common';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { useCommentActions } from './comment-actions.ts';
import { groupOpenThreads } from './comment-decorations.ts';
import { useCommentThreadsAfter } from './use-comment-threads-after.ts';

/** Open thread ids by the turn their words are in (what the margin markers show). */
const OpenCommentsByTurnContext = createContext<ReadonlyMap<string, readonly string[]>>(new Map<string, readonly string[]>());

/**
 * Provides the margin markers' data: open threads grouped by turn, regrouped as the document changes
 * (the shared throttled snapshot) so a thread whose words were deleted loses its marker. Without open
 * threads it reads nothing (opening a transcript pays nothing for it). The map keeps its identity
 * while its content is the same, so the markers re-render only when it changes.
 */
export function CommentMarginProvider({ provider, isOpen = true, children }: { provider: LiveTranscriptProvider; isOpen?: boolean; children: ReactNode }) {
  // Not while the editor opens (isOpen false): the read costs the server a document load, and its
  // answer would re-render every turn's marker in the middle of the first render.
  const { threads } = useCommentThreadsAfter(provider, isOpen);
  const open = useMemo(() => threads.filter((thread) => thread.resolvedAt === null), [threads]);
  if (open.length === 0) return <OpenCommentsByTurnContext.Provider value={noComments}>{children}</OpenCommentsByTurnContext.Provider>;
  return (
    <GroupedByTurn provider={provider} threads={open}>
      {children}
    </GroupedByTurn>
  );
}

const noComments: ReadonlyMap<string, readonly string[]> = new Map();

function GroupedByTurn({ provider, threads, children }: { provider: LiveTranscriptProvider; threads: readonly CommentThread[]; children: ReactNode }) {
  const snapshot = useLiveSnapshot(provider.doc);
  const last = useRef<{ key: string; map: ReadonlyMap<string, readonly string[]> }>({ key: '', map: noComments });
  const byTurn = useMemo(() => {
    const map = new Map([...groupOpenThreads(provider.doc, threads)].map(([turnId, entries]) => [turnId, entries.map((entry) => entry.id)]));
    const key = JSON.stringify([...map]);
    if (key !== last.current.key) last.current = { key, map };
    return last.current.map;
    // The snapshot stands for "the document changed".
  }, [provider, threads, snapshot]);
  return <OpenCommentsByTurnContext.Provider value={byTurn}>{children}</OpenCommentsByTurnContext.Provider>;
}

/** The margin marker of a turn with open comments: their count; clicking shows them in the Comments tab. */
export function TurnCommentMarker({ turnId }: { turnId: string }) {
  const ids = useContext(OpenCommentsByTurnContext).get(turnId);
  const { openComment } = useCommentActions();
  if (!ids || ids.length === 0) return null;
  const label = `${ids.length} open comment${ids.length === 1 ? '' : 's'}`;
  return (
    <button type="button" className="turn-comment-marker" onClick={() => openComment(ids[0]!)} aria-label={`${label} on this turn — show in the Comments tab`} title={label} data-testid="turn-comment-marker">
      {/* A drawn bubble, not an emoji: many Linux machines have no emoji font and would show a box. */}
      <svg className="turn-comment-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>{' '}
      {ids.length}
    </button>
  );
}
