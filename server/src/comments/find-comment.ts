import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/**
 * A comment of this transcript (a thread, or a reply when `isThread` is false or absent), or
 * not_found: an id from another transcript is refused exactly like one that does not exist.
 */
export async function findComment(prisma: PrismaClient, options: { transcriptId: string; commentId: string; isThread?: boolean }) {
  const comment = await prisma.comment.findFirst({
    where: { id: options.commentId, transcriptId: options.transcriptId, ...(options.isThread ? { parentId: null } : {}) },
    select: { id: true, parentId: true, authorId: true, resolvedAt: true },
  });
  if (!comment) throw new AppError('not_found', 'No such comment on this transcript.');
  return comment;
}
