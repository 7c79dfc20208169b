import { versionStatsSchema, type Person, type VersionKind, type VersionSummary } from '@verity/common';

/** A version row without its content, as the history list reads it. */
export interface VersionRow {
  number: number;
  kind: VersionKind;
  name: string | null;
  note: string | null;
  createdAt: Date;
  createdBy: { id: string; displayName: string };
  contributorIds: unknown;
  stats: unknown;
  contentSha256: string;
  uptoSeq: number;
}

/** The ids a version's contributor list holds (a JSON array of user ids). */
export function contributorIdsOf(row: Pick<VersionRow, 'contributorIds'>): string[] {
  return Array.isArray(row.contributorIds) ? row.contributorIds.filter((id): id is string => typeof id === 'string') : [];
}

/** A version for the history list; `people` resolves contributor ids to names. */
export function presentVersionSummary(row: VersionRow, people: Map<string, Person>): VersionSummary {
  const stats = versionStatsSchema.safeParse(row.stats);
  return {
    number: row.number,
    kind: row.kind,
    name: row.name,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy.id, displayName: row.createdBy.displayName },
    contributors: contributorIdsOf(row).map((id) => people.get(id) ?? { id, displayName: 'Former member' }),
    stats: stats.success ? stats.data : null,
    contentSha256: row.contentSha256,
    uptoSeq: row.uptoSeq,
  };
}
