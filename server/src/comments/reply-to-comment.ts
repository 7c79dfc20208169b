import { AppError, type CommentThread } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { assertRoomForComment } from './create-comment.ts';
import { findComment } from './find-comment.ts';
import { loadThread, type CommentContext } from './load-threads.ts';
import { mentionMembers } from './mention-members.ts';

/** Replies one thread may hold. */
export const maxRepliesPerThread = 500;

/** Adds a reply to a thread of this transcript (replies are not threads: a reply to a reply is refused as not found). */
export async function replyToComment(options: CommentContext & { actorId: string; threadId: string; body: string }): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const thread = await findComment(prisma, { transcriptId, commentId: options.threadId, isThread: true });
  const replies = await prisma.comment.count({ where: { parentId: thread.id } });
  if (replies >= maxRepliesPerThread) throw new AppError('conflict', `This thread already has ${maxRepliesPerThread} replies; start a new one.`);
  await assertRoomForComment(prisma, transcriptId);
  const mentions = await mentionMembers(prisma, { transcriptId, body: options.body });
  await prisma.comment.create({
    data: { transcriptId, parentId: thread.id, authorId: options.actorId, body: options.body, mentions: { create: mentions.map((userId) => ({ userId })) } },
  });
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: thread.id });
}
