import { AppError, type CommentThread } from '@verity/common';
import { domainEvents } from '../events/domain-events.ts';
import { findComment } from './find-comment.ts';
import { loadThread, type CommentContext } from './load-threads.ts';
import { mentionMembers } from './mention-members.ts';

/**
 * The author changes the text of their comment or reply (nobody else may: forbidden); its mentions
 * are read again from the new text, in the same transaction as the text, and it is marked edited.
 */
export async function editComment(options: CommentContext & { actorId: string; commentId: string; body: string }): Promise<CommentThread> {
  const { prisma, transcriptId } = options;
  const comment = await findComment(prisma, { transcriptId, commentId: options.commentId });
  if (comment.authorId !== options.actorId) throw new AppError('forbidden', 'Only its author can change a comment.');
  const mentions = await mentionMembers(prisma, { transcriptId, body: options.body });
  await prisma.$transaction([
    prisma.commentMention.deleteMany({ where: { commentId: comment.id } }),
    prisma.comment.update({ where: { id: comment.id }, data: { body: options.body, editedAt: new Date(), mentions: { create: mentions.map((userId) => ({ userId })) } } }),
  ]);
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['comments'] });
  return loadThread({ ...options, threadId: comment.parentId ?? comment.id });
}
