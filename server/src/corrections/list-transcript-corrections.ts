import { maxListedCorrections, type CorrectionListResponse } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { presentCorrection } from './correction.presenter.ts';
import { gradeCorrections, readRawTranscript } from './grade-corrections.ts';

/**
 * The corrections raw import → current text with their classes (optionally one turn's), at most
 * maxListedCorrections of them, and the whole transcript's accuracy raw → current.
 */
export async function listTranscriptCorrections(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string; turnId?: string }): Promise<CorrectionListResponse> {
  const raw = await readRawTranscript(options.prisma, options.transcriptId);
  const { transcript } = await readCurrentTranscript(options);
  const { corrections, summary } = await gradeCorrections(options.prisma, { transcriptId: options.transcriptId, raw, final: transcript });
  const listed = options.turnId === undefined ? corrections : corrections.filter((correction) => correction.turnId === options.turnId);
  return { corrections: listed.slice(0, maxListedCorrections).map(presentCorrection), isTruncated: listed.length > maxListedCorrections, summary };
}
