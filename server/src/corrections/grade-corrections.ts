import {
  correctionKey,
  listCorrections,
  measureWordErrorRate,
  summarizeAccuracy,
  transcriptSchema,
  AppError,
  type AccuracySummary,
  type Correction,
  type CorrectionSeverity,
  type CorrectionType,
  type Transcript,
} from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/** A stored class with its classifier, as read for presenting. */
export interface StoredClass {
  type: CorrectionType;
  severity: CorrectionSeverity;
  classifiedAt: Date;
  classifiedBy: { id: string; displayName: string };
}

/** A correction raw → final with its key and stored class (null: unclassified). */
export interface GradedCorrection extends Correction {
  key: string;
  stored: StoredClass | null;
}

/** The raw import (version 0); a transcript that was not imported has nothing to compare with. */
export async function readRawTranscript(prisma: PrismaClient, transcriptId: string): Promise<Transcript> {
  const raw = await prisma.transcriptVersion.findUnique({ where: { transcriptId_number: { transcriptId, number: 0 } }, select: { content: true } });
  if (!raw) throw new AppError('not_found', 'This transcript was not imported, so there is no raw version to compare with.');
  return transcriptSchema.parse(raw.content);
}

const maxKeysInQuery = 2000;

/**
 * The latest class of each key from the log (rows up to `asOf` when given); a clearing row leaves no
 * class. Only the keys asked for are read.
 */
export async function readLatestClasses(prisma: PrismaClient, options: { transcriptId: string; keys: readonly string[]; asOf?: Date }): Promise<Map<string, StoredClass>> {
  const keys = new Set(options.keys);
  // Past a few thousand keys, read the transcript's whole log instead: one bind parameter per key would
  // outgrow PostgreSQL's limit (65,535) on a transcript rewritten end to end.
  const byKey = keys.size <= maxKeysInQuery ? { key: { in: [...keys] } } : {};
  const rows = await prisma.correctionClass.findMany({
    where: { transcriptId: options.transcriptId, ...byKey, ...(options.asOf ? { classifiedAt: { lte: options.asOf } } : {}) },
    orderBy: { id: 'asc' },
    select: { key: true, type: true, severity: true, classifiedAt: true, classifiedBy: { select: { id: true, displayName: true } } },
  });
  const latest = new Map<string, StoredClass>();
  for (const row of rows) {
    if (!keys.has(row.key)) continue;
    if (row.type === null || row.severity === null) latest.delete(row.key);
    else latest.set(row.key, { type: row.type, severity: row.severity, classifiedAt: row.classifiedAt, classifiedBy: row.classifiedBy });
  }
  return latest;
}

/**
 * Every correction raw → final with its class, and the accuracy summary they give. Classes are read for
 * the corrections that exist now only (rows of corrections that are gone are ignored), as they stood at
 * `asOf` when given (a version's report: the same bytes however the classes change later).
 */
export async function gradeCorrections(prisma: PrismaClient, options: { transcriptId: string; raw: Transcript; final: Transcript; asOf?: Date }): Promise<{ corrections: GradedCorrection[]; summary: AccuracySummary }> {
  const wer = measureWordErrorRate(options.raw, options.final);
  const corrections = listCorrections(options.raw, options.final, wer);
  const keys = await Promise.all(corrections.map(correctionKey));
  const classes = await readLatestClasses(prisma, { transcriptId: options.transcriptId, keys, asOf: options.asOf });
  const graded = corrections.map((correction, index) => ({ ...correction, key: keys[index]!, stored: classes.get(keys[index]!) ?? null }));
  return { corrections: graded, summary: summarizeAccuracy(wer, graded.map((correction) => correction.stored && { type: correction.stored.type, severity: correction.stored.severity })) };
}
