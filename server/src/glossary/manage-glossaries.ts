import { AppError, glossaryLimits, type Glossary, type GlossarySummary } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { attachedTranscriptIds, lockOwnGlossary, refuseGlossary } from './glossary-access.ts';
import { glossaryInclude, presentGlossary, presentGlossarySummary } from './glossary.presenter.ts';
import { notifyGlossaryChange } from './notify-glossary-change.ts';

interface GlossaryContext {
  prisma: PrismaClient;
  userId: string;
}

/** The user's own term lists, most recently changed first. */
export async function listGlossaries({ prisma, userId }: GlossaryContext): Promise<GlossarySummary[]> {
  const rows = await prisma.glossary.findMany({ where: { ownerId: userId }, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], include: glossaryInclude(userId, false) });
  return rows.map(presentGlossarySummary);
}

/** One of the user's lists with its terms; someone else's is refused (forbidden if they can see it, else not found). */
export async function getGlossary({ prisma, userId, glossaryId }: GlossaryContext & { glossaryId: string }): Promise<Glossary> {
  const row = await prisma.glossary.findFirst({ where: { id: glossaryId, ownerId: userId }, include: glossaryInclude(userId, true) });
  if (!row) return refuseGlossary(prisma, { glossaryId, userId });
  return presentGlossary(row);
}

/** Creates an empty list owned by the user (at most listsPerOwner of them). */
export async function createGlossary({ prisma, userId, name }: GlossaryContext & { name: string }): Promise<Glossary> {
  const id = await prisma.$transaction(async (tx) => {
    // Serialises one user's creations, so two at once cannot pass the bound together.
    await tx.$executeRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    if ((await tx.glossary.count({ where: { ownerId: userId } })) >= glossaryLimits.listsPerOwner) {
      throw new AppError('conflict', `You have ${glossaryLimits.listsPerOwner} term lists, the most one person may have; delete one first.`);
    }
    return (await tx.glossary.create({ data: { ownerId: userId, name }, select: { id: true } })).id;
  });
  return getGlossary({ prisma, userId, glossaryId: id });
}

/** Renames one of the user's lists (the transcripts it is attached to show the new name live). */
export async function renameGlossary({ prisma, userId, glossaryId, name }: GlossaryContext & { glossaryId: string; name: string }): Promise<Glossary> {
  await prisma.$transaction(async (tx) => {
    await lockOwnGlossary(tx, { glossaryId, userId });
    await tx.glossary.update({ where: { id: glossaryId }, data: { name } });
  });
  notifyGlossaryChange(await attachedTranscriptIds(prisma, glossaryId));
  return getGlossary({ prisma, userId, glossaryId });
}

/** Deletes one of the user's lists with its terms; it leaves every transcript it was attached to. */
export async function deleteGlossary({ prisma, userId, glossaryId }: GlossaryContext & { glossaryId: string }): Promise<void> {
  const transcriptIds = await prisma.$transaction(async (tx) => {
    await lockOwnGlossary(tx, { glossaryId, userId });
    const ids = await attachedTranscriptIds(tx, glossaryId);
    await tx.glossary.delete({ where: { id: glossaryId } });
    return ids;
  });
  notifyGlossaryChange(transcriptIds);
}
