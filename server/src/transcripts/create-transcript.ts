import type { Prisma, PrismaClient } from '../db/prisma.ts';

/** Creates a transcript with its creator as owner; the membership row makes the owner's role checkable like any other. */
export async function createTranscript(
  prisma: PrismaClient | Prisma.TransactionClient,
  options: { ownerId: string; title: string; sourceFileName?: string; sourceFormat?: string },
) {
  return prisma.transcript.create({
    data: {
      title: options.title,
      ownerId: options.ownerId,
      sourceFileName: options.sourceFileName,
      sourceFormat: options.sourceFormat,
      memberships: { create: { userId: options.ownerId, role: 'owner' } },
    },
    include: { owner: true },
  });
}
