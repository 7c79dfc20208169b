import { useMemo } from 'react';
import type { CommentThread, OpenItemExtras } from '@verity/common';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useCommentThreads } from './use-comment-threads.ts';

type OpenComment = NonNullable<OpenItemExtras['comments']>[number];

/** "Ada: is this GFCE?" — short enough for a queue row; the full text is in the Comments tab. */
export function openCommentLabel(thread: Pick<CommentThread, 'author' | 'body'>): string {
  const body = thread.body.replace(/\s+/g, ' ').trim();
  return `${thread.author.displayName}: ${body.length > 80 ? `${body.slice(0, 79)}…` : body}`;
}

/**
 * The open (unresolved) threads as the review queue lists them (OpenItemExtras['comments']), live:
 * turnId is where the words are now, null when they were deleted (the thread is still open).
 */
export function useOpenComments(provider: LiveTranscriptProvider, transcriptId: string): OpenComment[] {
  const { threads } = useCommentThreads(provider);
  return useMemo(
    () =>
      provider.transcriptId === transcriptId.toLowerCase()
        ? threads.filter((thread) => thread.resolvedAt === null).map((thread) => ({ id: thread.id, turnId: thread.position?.turnId ?? null, label: openCommentLabel(thread) }))
        : [],
    [threads, provider, transcriptId],
  );
}
