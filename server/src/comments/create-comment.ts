import { AppError, type CommentAnchorBytes, type CommentThread } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { loadThread, type CommentContext } from './load-threads.ts';
import { mentionMembers } from './mention-members.ts';
import { readNewAnchor } from './read-new-anchor.ts';

/** Comments and replies one transcript may hold: bounds every list read (at most ~20 MB of text) and every page that shows them. */
export const maxCommentsPerTranscript = 5000;

/** Refuses a new comment or reply once the transcript holds maxCommentsPerTranscript. */
export async function assertRoomForComment(prisma: CommentContext['prisma'], transcriptId: string): Promise<void> {
  const comments = await prisma.comment.count({ where: { transcriptId } });
  if (comments >= maxCommentsPerTranscript) throw new AppError('conflict', `This transcript already has ${maxCommentsPerTranscript} comments and replies; resolve threads and reuse them.`);
}

/** Starts a thread on a range of words (the anchor checked by readNewAnchor); mentions are of current members only. */
export async function createComment(options: CommentContext & { actorId: string; body: string; anchor: CommentAnchorBytes }): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const { start, end, quote } = await readNewAnchor(options, options.anchor);
  await assertRoomForComment(prisma, transcriptId);
  const mentions = await mentionMembers(prisma, { transcriptId, body: options.body });
  const created = await prisma.comment.create({
    data: { transcriptId, authorId: options.actorId, body: options.body, anchorStart: start, anchorEnd: end, quote, mentions: { create: mentions.map((userId) => ({ userId })) } },
    select: { id: true },
  });
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: created.id });
}
