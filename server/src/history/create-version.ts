import { compareTranscripts, hashTranscript, transcriptSchema, type VersionKind } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { Prisma, type PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';

/** Kinds recorded even when the content equals the latest version's: a person asked for them. */
const alwaysRecorded: ReadonlySet<VersionKind> = new Set(['named', 'approval', 'restore']);

export interface CreateVersionOptions {
  prisma: PrismaClient;
  /** When the transcript is open, its live document is the snapshot; else checkpoint + log. */
  liveSessions?: LiveSessions;
  transcriptId: string;
  kind: VersionKind;
  name?: string | null;
  note?: string | null;
  actorId: string;
  /** Run inside the caller's transaction (the approval's), instead of one of its own. */
  tx?: Prisma.TransactionClient;
}

/**
 * Snapshots the current document as the next version, with who contributed since the previous
 * version (distinct authors in the log between their positions) and what changed (stats). An `auto`
 * (or `import`) snapshot equal to the latest version is skipped and the latest returned instead.
 * Numbers are gap-free: taken under a per-transcript advisory lock, and the document is read inside
 * it, so a later number never holds an older log position.
 */
export async function createVersion(options: CreateVersionOptions) {
  // Inside the caller's transaction, the caller announces the version once it commits.
  if (options.tx) return insertVersion(options.tx, options);
  const version = await options.prisma.$transaction((tx) => insertVersion(tx, options), { timeout: 60_000, maxWait: 30_000 });
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['versions'] });
  return version;
}

async function insertVersion(tx: Prisma.TransactionClient, options: CreateVersionOptions) {
  const { transcriptId } = options;
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`versions:${transcriptId}`}, 0))) AS lock`;
  const { transcript, seq } = await readCurrentTranscript(options);
  const content = transcriptSchema.parse(transcript);
  const contentSha256 = await hashTranscript(content);
  const latest = await tx.transcriptVersion.findFirst({ where: { transcriptId }, orderBy: { number: 'desc' } });
  if (latest && latest.contentSha256 === contentSha256 && !alwaysRecorded.has(options.kind)) return latest;
  const fromSeq = latest?.uptoSeq ?? 0;
  const authors = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT "user_id"::text FROM "document_updates"
    WHERE "transcript_id" = ${transcriptId}::uuid AND "seq" > ${fromSeq} AND "seq" <= ${seq} AND "user_id" IS NOT NULL
    GROUP BY "user_id" ORDER BY MIN("seq")`;
  const stats = latest ? compareTranscripts(transcriptSchema.parse(latest.content), content).stats : null;
  // What the version's timings were set against (issue 11): the recording attached as it is taken.
  const recording = await tx.recording.findUnique({ where: { transcriptId }, select: { sha256: true } });
  return tx.transcriptVersion.create({
    data: {
      transcriptId,
      number: (latest?.number ?? -1) + 1,
      kind: options.kind,
      name: options.name ?? null,
      note: options.note ?? null,
      content: content as unknown as Prisma.InputJsonValue,
      contentSha256,
      createdById: options.actorId,
      uptoSeq: Math.max(seq, fromSeq),
      contributorIds: authors.map((row) => row.user_id),
      stats: stats === null ? Prisma.DbNull : (stats as unknown as Prisma.InputJsonValue),
      recordingSha256: recording?.sha256 ?? null,
    },
  });
}
