import type { PrismaClient } from '../db/prisma.ts';

/** Renames a transcript. */
export async function renameTranscript(prisma: PrismaClient, options: { transcriptId: string; title: string }) {
  return prisma.transcript.update({ where: { id: options.transcriptId }, data: { title: options.title }, include: { owner: true } });
}

/** Deletes a transcript with its memberships and invitations (cascade). */
export async function deleteTranscript(prisma: PrismaClient, options: { transcriptId: string }): Promise<void> {
  await prisma.transcript.delete({ where: { id: options.transcriptId } });
}
