import { AppError, glossaryLimits, type TranscriptGlossariesResponse } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { presentGlossaryTerm } from './glossary.presenter.ts';
import { refuseGlossary } from './glossary-access.ts';
import { notifyGlossaryChange } from './notify-glossary-change.ts';

interface AttachContext {
  prisma: PrismaClient;
  transcriptId: string;
  userId: string;
}

/** The lists attached to a transcript with their terms, in the order they were attached (members read it). */
export async function listTranscriptGlossaries({ prisma, transcriptId, userId }: AttachContext): Promise<TranscriptGlossariesResponse['glossaries']> {
  const rows = await prisma.transcriptGlossary.findMany({
    where: { transcriptId },
    orderBy: [{ attachedAt: 'asc' }, { glossaryId: 'asc' }],
    select: { glossary: { select: { id: true, name: true, owner: { select: { id: true, displayName: true } }, terms: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } } },
  });
  return rows.map(({ glossary }) => ({ id: glossary.id, name: glossary.name, owner: glossary.owner, isMine: glossary.owner.id === userId, terms: glossary.terms.map(presentGlossaryTerm) }));
}

/**
 * Attaches one of the caller's own lists to a transcript (the route has checked they may attach on it).
 * Attaching it again changes nothing; someone else's list is refused.
 */
export async function attachGlossary(context: AttachContext & { glossaryId: string }): Promise<TranscriptGlossariesResponse['glossaries']> {
  const { prisma, transcriptId, userId, glossaryId } = context;
  await prisma.$transaction(async (tx) => {
    // Serialises attachments to one transcript, so the bound holds under concurrent requests.
    await tx.$executeRaw`SELECT 1 FROM transcripts WHERE id = ${transcriptId}::uuid FOR UPDATE`;
    const list = await tx.glossary.findFirst({ where: { id: glossaryId, ownerId: userId }, select: { id: true } });
    if (!list) await refuseGlossary(tx, { glossaryId, userId });
    if (await tx.transcriptGlossary.findUnique({ where: { transcriptId_glossaryId: { transcriptId, glossaryId } } })) return;
    if ((await tx.transcriptGlossary.count({ where: { transcriptId } })) >= glossaryLimits.listsPerTranscript) {
      throw new AppError('conflict', `This transcript has ${glossaryLimits.listsPerTranscript} term lists attached, the most it may have.`);
    }
    await tx.transcriptGlossary.create({ data: { transcriptId, glossaryId, attachedById: userId } });
  });
  notifyGlossaryChange([transcriptId]);
  return listTranscriptGlossaries(context);
}

/** Detaches a list from a transcript (any of its owners may, whoever owns the list). */
export async function detachGlossary(context: AttachContext & { glossaryId: string }): Promise<TranscriptGlossariesResponse['glossaries']> {
  const { count } = await context.prisma.transcriptGlossary.deleteMany({ where: { transcriptId: context.transcriptId, glossaryId: context.glossaryId } });
  if (count === 0) throw new AppError('not_found', 'That term list is not attached to this transcript.');
  notifyGlossaryChange([context.transcriptId]);
  return listTranscriptGlossaries(context);
}
