import type { PrismaClient } from '../db/prisma.ts';
import { presentTranscript } from './transcript.presenter.ts';

/** Every transcript the user is a member of, most recently updated first. */
export async function listTranscripts(prisma: PrismaClient, options: { userId: string }) {
  const memberships = await prisma.membership.findMany({
    where: { userId: options.userId },
    include: { transcript: { include: { owner: true } } },
    orderBy: { transcript: { updatedAt: 'desc' } },
  });
  return memberships.map((membership) => presentTranscript(membership.transcript, membership.role));
}

/** One transcript as seen by a member. */
export async function getTranscript(prisma: PrismaClient, options: { transcriptId: string; role: Parameters<typeof presentTranscript>[1] }) {
  const transcript = await prisma.transcript.findUniqueOrThrow({ where: { id: options.transcriptId }, include: { owner: true } });
  return presentTranscript(transcript, options.role);
}
