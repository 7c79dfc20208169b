import type { PrismaClient } from '../db/prisma.ts';

/**
 * An accepted edit to an approved transcript starts the next draft (approved → draft, recorded with
 * the editor as actor). Does nothing, in one cheap UPDATE, for transcripts that are not approved.
 * The authoritative versions stay: they are rows of their own.
 */
export async function reopenAfterEdit(prisma: PrismaClient, options: { transcriptId: string; actorId: string | null }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.transcript.updateMany({ where: { id: options.transcriptId, status: 'approved' }, data: { status: 'draft' } });
    if (count === 1) await tx.reviewEvent.create({ data: { transcriptId: options.transcriptId, action: 'reopened', actorId: options.actorId } });
    return count === 1;
  });
}
