import type { VersionSummary } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { findPeople } from './find-people.ts';
import { contributorIdsOf, presentVersionSummary } from './history.presenter.ts';

const summaryColumns = {
  number: true, kind: true, name: true, note: true, createdAt: true, contributorIds: true, stats: true, contentSha256: true, uptoSeq: true,
  createdBy: { select: { id: true, displayName: true } },
} as const;

/** Every version of a transcript, newest first, without content; the caller has checked read access. */
export async function listVersions(prisma: PrismaClient, options: { transcriptId: string }): Promise<VersionSummary[]> {
  const rows = await prisma.transcriptVersion.findMany({ where: { transcriptId: options.transcriptId }, orderBy: { number: 'desc' }, select: summaryColumns });
  const people = await findPeople(prisma, rows.flatMap(contributorIdsOf));
  return rows.map((row) => presentVersionSummary(row, people));
}

/** One version's summary by number, or null. */
export async function findVersionSummary(prisma: PrismaClient, options: { transcriptId: string; number: number }): Promise<VersionSummary | null> {
  const row = await prisma.transcriptVersion.findUnique({
    where: { transcriptId_number: { transcriptId: options.transcriptId, number: options.number } },
    select: summaryColumns,
  });
  return row ? presentVersionSummary(row, await findPeople(prisma, contributorIdsOf(row))) : null;
}
