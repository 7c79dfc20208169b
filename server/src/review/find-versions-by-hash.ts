import type { PrismaClient } from '../db/prisma.ts';

/** A stored version with the given content hash, and its approval when it is authoritative. */
export interface VersionMatch {
  transcriptId: string;
  transcriptTitle: string;
  versionNumber: number;
  /** v1, v2… among the transcript's approvals; null when the version is not authoritative. */
  approvalOrdinal: number | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

/** Every version whose content hashes to `hash`, authoritative ones first, then newest first. */
export async function findVersionsByHash(prisma: PrismaClient, hash: string): Promise<VersionMatch[]> {
  const versions = await prisma.transcriptVersion.findMany({
    where: { contentSha256: hash.toLowerCase() },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    include: { transcript: { select: { title: true } }, approval: { include: { approver: { select: { displayName: true } } } } },
  });
  const matches: VersionMatch[] = [];
  for (const version of versions) {
    let ordinal: number | null = null;
    if (version.approval) {
      const { approvedAt, id } = version.approval;
      ordinal = 1 + (await prisma.approval.count({ where: { transcriptId: version.transcriptId, OR: [{ approvedAt: { lt: approvedAt } }, { approvedAt, id: { lt: id } }] } }));
    }
    matches.push({
      transcriptId: version.transcriptId,
      transcriptTitle: version.transcript.title,
      versionNumber: version.number,
      approvalOrdinal: ordinal,
      approvedBy: version.approval?.approver.displayName ?? null,
      approvedAt: version.approval?.approvedAt.toISOString() ?? null,
    });
  }
  return matches.sort((a, b) => Number(b.approvalOrdinal !== null) - Number(a.approvalOrdinal !== null));
}

/** One line per match, as `verify --db` prints them. */
export function describeVersionMatch(match: VersionMatch): string {
  const where = `"${match.transcriptTitle}" (${match.transcriptId}) version ${match.versionNumber}`;
  return match.approvalOrdinal === null
    ? `not authoritative: ${where} has this content but was never approved`
    : `authoritative: ${where}, approval v${match.approvalOrdinal} by ${match.approvedBy} at ${match.approvedAt}`;
}
