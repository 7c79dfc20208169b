import type { AttributedChange } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { listActivity } from '../history/list-activity.ts';

/** Far more batches than any transcript has; the report wants all of them, not a page. */
const allEntries = 1_000_000;

/**
 * The history's activity feed up to a log position, as the correction report's attributed changes:
 * one per batch and turn it touched (a roster-only batch gets turn ''), oldest first. Only the log up
 * to `uptoSeq` is replayed, so later rows can neither add to nor merge with the version's batches:
 * the same version always gives the same changes.
 */
export async function listAttributedChanges(prisma: PrismaClient, options: { transcriptId: string; uptoSeq: number }): Promise<AttributedChange[]> {
  const { entries } = await listActivity(prisma, { transcriptId: options.transcriptId, uptoSeq: options.uptoSeq, limit: allEntries });
  const changes: AttributedChange[] = [];
  for (const entry of entries.toReversed()) {
    const author = entry.actor?.displayName ?? 'Verity';
    const description = entry.phrases.join('; ');
    const turnIds = entry.turnIds.length > 0 ? [...new Set(entry.turnIds)] : [''];
    for (const turnId of turnIds) changes.push({ author, at: entry.endedAt, turnId, description });
  }
  return changes;
}
