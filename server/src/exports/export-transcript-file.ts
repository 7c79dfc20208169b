import {
  AppError,
  classesByIdentity,
  exportFileName,
  exportFormats,
  hashTranscript,
  transcriptSchema,
  writeCorrectionReport,
  type ExportOptions,
  type ExportRequestFormat,
  type Transcript,
} from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { gradeCorrections, readRawTranscript } from '../corrections/grade-corrections.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { listAttributedChanges } from './list-attributed-changes.ts';

/** A file ready to send or save. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  body: Buffer;
  /** The version exported; null for the current, unversioned document. */
  versionNumber: number | null;
  contentSha256: string;
  /** The recording the exported text was checked and timed against (the version's, or the attached one), if any. */
  recordingSha256: string | null;
}

interface ExportSource {
  transcript: Transcript;
  versionNumber: number | null;
  /** The log position the content reflects: the report lists the changes up to here. */
  uptoSeq: number;
  recordingSha256: string | null;
  options: ExportOptions;
  /** When the version was taken (its report counts the correction classes as they stood then); null: the current text. */
  takenAt: Date | null;
}

/**
 * One transcript in one format. Without `versionNumber`: the latest authoritative version, else the
 * current document. Authoritative versions carry their approver, time and hash in the title block.
 * Deterministic: the same version and format always give the same bytes.
 */
export async function exportTranscriptFile(options: {
  prisma: PrismaClient;
  liveSessions?: LiveSessions;
  transcriptId: string;
  format: ExportRequestFormat;
  versionNumber?: number;
  /** Plain text, Markdown and DOCX: "[hh:mm:ss]" before each timed turn. */
  timecodes?: boolean;
}): Promise<ExportedFile> {
  const { prisma, transcriptId, format } = options;
  const { title } = await prisma.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { title: true } });
  const source = await resolveSource(options);
  const hash = source.options.hash!;
  if (format === 'report') {
    const raw = await readRawTranscript(prisma, transcriptId);
    const changes = await listAttributedChanges(prisma, { transcriptId, uptoSeq: source.uptoSeq });
    const { corrections } = await gradeCorrections(prisma, { transcriptId, raw, final: source.transcript, asOf: source.takenAt ?? undefined });
    const classOf = classesByIdentity(corrections.map((correction) => [correction, correction.stored && { type: correction.stored.type, severity: correction.stored.severity }] as const));
    const report = writeCorrectionReport(raw, source.transcript, changes, { finalLabel: describeFinal(source), classOf });
    const fileName = exportFileName(title, source.versionNumber, 'markdown').replace(/\.md$/, '.corrections.md');
    return { fileName, mimeType: 'text/markdown; charset=utf-8', body: Buffer.from(report, 'utf8'), versionNumber: source.versionNumber, contentSha256: hash, recordingSha256: source.recordingSha256 };
  }
  const writer = exportFormats[format];
  const written = await writer.write(source.transcript, { ...source.options, timecodes: options.timecodes === true, recordingSha256: source.recordingSha256 });
  return {
    fileName: exportFileName(title, source.versionNumber, format),
    mimeType: writer.mimeType,
    body: typeof written === 'string' ? Buffer.from(written, 'utf8') : Buffer.from(written),
    versionNumber: source.versionNumber,
    contentSha256: hash,
    recordingSha256: source.recordingSha256,
  };
}

/** What the correction report compares the raw import with, in words. */
function describeFinal(source: ExportSource): string {
  if (source.versionNumber === null) return 'the current text (no version is approved)';
  if (source.options.approvedBy !== undefined) return `approved version ${source.versionNumber}`;
  return `version ${source.versionNumber} (not approved)`;
}

async function resolveSource(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string; versionNumber?: number }): Promise<ExportSource> {
  const { prisma, transcriptId, versionNumber } = options;
  const include = { approval: { include: { approver: { select: { displayName: true } } } } } as const;
  const version =
    versionNumber !== undefined
      ? await prisma.transcriptVersion.findUnique({ where: { transcriptId_number: { transcriptId, number: versionNumber } }, include })
      : await prisma.transcriptVersion.findFirst({ where: { transcriptId, approval: { isNot: null } }, orderBy: { number: 'desc' }, include });
  if (!version && versionNumber !== undefined) throw new AppError('not_found', `This transcript has no version ${versionNumber}.`);
  if (!version) {
    const { transcript, seq } = await readCurrentTranscript(options);
    const recording = await prisma.recording.findUnique({ where: { transcriptId }, select: { sha256: true } });
    return { transcript, versionNumber: null, uptoSeq: seq, recordingSha256: recording?.sha256 ?? null, options: { hash: await hashTranscript(transcript) }, takenAt: null };
  }
  const approval = version.approval;
  return {
    transcript: transcriptSchema.parse(version.content),
    versionNumber: version.number,
    uptoSeq: version.uptoSeq,
    recordingSha256: version.recordingSha256,
    takenAt: version.createdAt,
    options: {
      version: version.number,
      hash: version.contentSha256,
      approvedBy: approval?.approver.displayName,
      approvedAt: approval?.approvedAt.toISOString(),
    },
  };
}
