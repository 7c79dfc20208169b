import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';

/** Renames a transcript. */
export async function renameTranscript(prisma: PrismaClient, options: { transcriptId: string; title: string }) {
  return prisma.transcript.update({ where: { id: options.transcriptId }, data: { title: options.title }, include: { owner: true } });
}

/**
 * Deletes a transcript with its memberships and invitations (cascade). A transcript with an
 * authoritative (approved) version is refused: the API never removes an approval, and deleting the
 * transcript would take its approvals with it. The check and the delete share one transaction that
 * locks the row, so an approval cannot slip in between. Open live connections to it are closed.
 */
export async function deleteTranscript(prisma: PrismaClient, options: { transcriptId: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM "transcripts" WHERE "id" = ${options.transcriptId}::uuid FOR UPDATE`;
    if ((await tx.approval.count({ where: { transcriptId: options.transcriptId } })) > 0) {
      throw new AppError('conflict', 'This transcript has authoritative (approved) versions; it is kept as the record and cannot be deleted.');
    }
    await tx.transcript.delete({ where: { id: options.transcriptId } });
  });
  domainEvents.emit('transcriptDeleted', { transcriptId: options.transcriptId });
}
