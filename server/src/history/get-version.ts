import { AppError, type TranscriptVersion } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { presentVersion } from './version.presenter.ts';

/** One version of a transcript by number; the caller has checked read access. */
export async function getVersion(prisma: PrismaClient, options: { transcriptId: string; number: number }): Promise<TranscriptVersion> {
  const version = await prisma.transcriptVersion.findUnique({
    where: { transcriptId_number: { transcriptId: options.transcriptId, number: options.number } },
    include: { createdBy: true },
  });
  if (!version) throw new AppError('not_found', `This transcript has no version ${options.number}.`);
  return presentVersion(version);
}
