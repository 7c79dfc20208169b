import type { CommentAnchorBytes, CommentThread } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { findComment } from './find-comment.ts';
import { loadThread, type CommentContext } from './load-threads.ts';
import { readNewAnchor } from './read-new-anchor.ts';

/**
 * Pins a thread to other words (checked like a new anchor): how a thread detached by a rewrite of its
 * words (a turn merge) is attached to them again. The quote becomes the words it is now on.
 */
export async function reattachComment(options: CommentContext & { threadId: string; anchor: CommentAnchorBytes }): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const thread = await findComment(prisma, { transcriptId, commentId: options.threadId, isThread: true });
  const { start, end, quote } = await readNewAnchor(options, options.anchor);
  await prisma.comment.update({ where: { id: thread.id }, data: { anchorStart: start, anchorEnd: end, quote } });
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: thread.id });
}
