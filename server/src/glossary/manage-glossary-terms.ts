import { AppError, glossaryLimits, type Glossary, type GlossaryTermInput } from '@verity/common';
import { Prisma, type PrismaClient } from '../db/prisma.ts';
import { attachedTranscriptIds, lockOwnGlossary } from './glossary-access.ts';
import { getGlossary } from './manage-glossaries.ts';
import { notifyGlossaryChange } from './notify-glossary-change.ts';

interface TermContext {
  prisma: PrismaClient;
  userId: string;
  glossaryId: string;
}

type Tx = Prisma.TransactionClient;

/**
 * Runs a change to a list's terms under the list's row lock (only its owner gets it), then tells the
 * transcripts it is attached to. A spelling already in the list (any case) is a conflict, whether our
 * check or the database's unique index on lower(term) finds it.
 */
async function changeTerms(context: TermContext, change: (tx: Tx) => Promise<void>): Promise<string[]> {
  const { prisma, userId, glossaryId } = context;
  try {
    return await prisma.$transaction(async (tx) => {
      await lockOwnGlossary(tx, { glossaryId, userId });
      await change(tx);
      return attachedTranscriptIds(tx, glossaryId);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('conflict', 'That term is already in the list.');
    throw error;
  }
}

async function refuseDuplicate(tx: Tx, glossaryId: string, term: string, exceptId?: string): Promise<void> {
  const same = await tx.glossaryTerm.findFirst({ where: { glossaryId, term: { equals: term, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (same) throw new AppError('conflict', `“${term}” is already in the list.`);
}

/** Adds a term to one of the user's lists (at most termsPerList). */
export async function addGlossaryTerm(context: TermContext & { term: GlossaryTermInput }): Promise<Glossary> {
  const { glossaryId, term } = context;
  notifyGlossaryChange(
    await changeTerms(context, async (tx) => {
      if ((await tx.glossaryTerm.count({ where: { glossaryId } })) >= glossaryLimits.termsPerList) {
        throw new AppError('conflict', `The list has ${glossaryLimits.termsPerList} terms, the most a list may hold.`);
      }
      await refuseDuplicate(tx, glossaryId, term.term);
      await tx.glossaryTerm.create({ data: { glossaryId, term: term.term, misrecognitions: term.misrecognitions, note: term.note } });
    }),
  );
  return getGlossary(context);
}

/** Changes a term of one of the user's lists. */
export async function updateGlossaryTerm(context: TermContext & { termId: string; term: GlossaryTermInput }): Promise<Glossary> {
  const { glossaryId, termId, term } = context;
  notifyGlossaryChange(
    await changeTerms(context, async (tx) => {
      await refuseDuplicate(tx, glossaryId, term.term, termId);
      const { count } = await tx.glossaryTerm.updateMany({ where: { id: termId, glossaryId }, data: { term: term.term, misrecognitions: term.misrecognitions, note: term.note } });
      if (count === 0) throw new AppError('not_found', 'No such term.');
    }),
  );
  return getGlossary(context);
}

/** Removes a term from one of the user's lists. */
export async function deleteGlossaryTerm(context: TermContext & { termId: string }): Promise<Glossary> {
  notifyGlossaryChange(
    await changeTerms(context, async (tx) => {
      const { count } = await tx.glossaryTerm.deleteMany({ where: { id: context.termId, glossaryId: context.glossaryId } });
      if (count === 0) throw new AppError('not_found', 'No such term.');
    }),
  );
  return getGlossary(context);
}

/**
 * Puts a parsed CSV's terms into one of the user's lists, all or nothing: `merge` updates terms already
 * there (same spelling, any case) and adds the rest; `replace` makes the list exactly the file's terms.
 */
export async function importGlossaryTerms(context: TermContext & { terms: readonly GlossaryTermInput[]; mode: 'merge' | 'replace' }): Promise<{ glossary: Glossary; added: number; updated: number }> {
  const { glossaryId, terms, mode } = context;
  let added = 0;
  let updated = 0;
  notifyGlossaryChange(
    await changeTerms(context, async (tx) => {
      if (mode === 'replace') await tx.glossaryTerm.deleteMany({ where: { glossaryId } });
      const existing = mode === 'replace' ? [] : await tx.glossaryTerm.findMany({ where: { glossaryId }, select: { id: true, term: true } });
      const byLower = new Map(existing.map((row) => [row.term.toLowerCase(), row.id]));
      const fresh = terms.filter((term) => !byLower.has(term.term.toLowerCase()));
      if (existing.length + fresh.length > glossaryLimits.termsPerList) {
        throw new AppError('conflict', `The list would hold ${existing.length + fresh.length} terms; a list may hold ${glossaryLimits.termsPerList}.`);
      }
      for (const term of terms) {
        const id = byLower.get(term.term.toLowerCase());
        if (id === undefined) continue;
        await tx.glossaryTerm.update({ where: { id }, data: { term: term.term, misrecognitions: term.misrecognitions, note: term.note } });
        updated++;
      }
      const now = Date.now();
      // Distinct created_at values keep the file's order when the list is read back.
      await tx.glossaryTerm.createMany({ data: fresh.map((term, index) => ({ glossaryId, term: term.term, misrecognitions: term.misrecognitions, note: term.note, createdAt: new Date(now + index) })) });
      added = fresh.length;
    }),
  );
  return { glossary: await getGlossary(context), added, updated };
}
