import type { PrismaClient } from '../db/prisma.ts';

type CommentReader = Pick<PrismaClient, 'comment'>;

/** Threads not yet resolved: approval waits for them like for uncertain spans (or a waiver). */
export function countOpenComments(db: CommentReader, transcriptId: string): Promise<number> {
  return db.comment.count({ where: { transcriptId, parentId: null, resolvedAt: null } });
}
