import { AppError, type ReviewAction, type TranscriptStatus } from '@verity/common';
import type { Prisma } from '../db/prisma.ts';

const statusNames: Record<TranscriptStatus, string> = { draft: 'a draft', in_review: 'in review', approved: 'approved' };

/**
 * Moves the transcript from `from` to `to` and records the step, inside the caller's transaction.
 * The conditional UPDATE is the guard: of two people acting at once, the second gets a conflict.
 */
export async function changeStatus(
  tx: Prisma.TransactionClient,
  options: { transcriptId: string; from: TranscriptStatus; to: TranscriptStatus; action: ReviewAction; actorId: string | null; comment?: string | null },
): Promise<void> {
  const { count } = await tx.transcript.updateMany({ where: { id: options.transcriptId, status: options.from }, data: { status: options.to } });
  if (count !== 1) {
    const current = await tx.transcript.findUnique({ where: { id: options.transcriptId }, select: { status: true } });
    throw new AppError('conflict', `The transcript is ${current ? statusNames[current.status] : 'gone'}, not ${statusNames[options.from]}.`);
  }
  await tx.reviewEvent.create({ data: { transcriptId: options.transcriptId, action: options.action, actorId: options.actorId, comment: options.comment ?? null } });
}
