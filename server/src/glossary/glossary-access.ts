import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

type Client = Pick<PrismaClient, 'glossary' | 'transcriptGlossary'>;

/**
 * The refusal for a list the caller does not own: forbidden when they can see it (it is attached to a
 * transcript they are a member of), not_found otherwise, so a list's existence does not leak.
 */
export async function refuseGlossary(prisma: Client, options: { glossaryId: string; userId: string }): Promise<never> {
  const visible = await prisma.transcriptGlossary.findFirst({
    where: { glossaryId: options.glossaryId, transcript: { memberships: { some: { userId: options.userId } } } },
    select: { glossaryId: true },
  });
  if (visible) throw new AppError('forbidden', 'Only the owner of this term list can change or attach it.');
  throw new AppError('not_found', 'No such term list.');
}

/**
 * Locks the caller's own list for a change (bumping its updated_at takes the row lock until commit, so
 * concurrent changes to one list are serialised and its bounds hold), or refuses as refuseGlossary does.
 */
export async function lockOwnGlossary(tx: Client, options: { glossaryId: string; userId: string }): Promise<void> {
  const { count } = await tx.glossary.updateMany({ where: { id: options.glossaryId, ownerId: options.userId }, data: { updatedAt: new Date() } });
  if (count === 0) await refuseGlossary(tx, options);
}

/** The transcripts a list is attached to: each hears `glossary` changed when the list's terms change. */
export async function attachedTranscriptIds(prisma: Client, glossaryId: string): Promise<string[]> {
  const rows = await prisma.transcriptGlossary.findMany({ where: { glossaryId }, select: { transcriptId: true } });
  return rows.map((row) => row.transcriptId);
}
