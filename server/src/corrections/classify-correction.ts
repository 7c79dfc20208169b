import { AppError, type ClassifyCorrectionRequest, type CorrectionEntry } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { presentCorrection } from './correction.presenter.ts';
import { gradeCorrections, readRawTranscript, type GradedCorrection } from './grade-corrections.ts';

interface CorrectionContext {
  prisma: PrismaClient;
  liveSessions?: LiveSessions;
  transcriptId: string;
  key: string;
}

/** The correction with this key in the current text, or not_found (a forged key, or the text changed since it was listed). */
async function findCorrection(options: CorrectionContext): Promise<GradedCorrection> {
  const raw = await readRawTranscript(options.prisma, options.transcriptId);
  const { transcript } = await readCurrentTranscript(options);
  const { corrections } = await gradeCorrections(options.prisma, { transcriptId: options.transcriptId, raw, final: transcript });
  const found = corrections.find((correction) => correction.key === options.key);
  if (!found) throw new AppError('not_found', 'This correction is not in the current text (it may have just changed). Reload the list.');
  return found;
}

/** Classifies or reclassifies one correction of the current text as `actorId`'s (a new log row), seen live by every reviewer. */
export async function classifyCorrection(options: CorrectionContext & { actorId: string; grade: ClassifyCorrectionRequest }): Promise<CorrectionEntry> {
  const correction = await findCorrection(options);
  // The same class again changes nothing: no row (the log stays bounded by real changes), no event.
  if (correction.stored?.type === options.grade.type && correction.stored.severity === options.grade.severity) return presentCorrection(correction);
  const row = await options.prisma.correctionClass.create({
    data: { ...identityFields(options.transcriptId, correction), type: options.grade.type, severity: options.grade.severity, classifiedById: options.actorId },
    select: { classifiedAt: true, classifiedBy: { select: { id: true, displayName: true } } },
  });
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['corrections'] });
  return presentCorrection({ ...correction, stored: { ...options.grade, ...row } });
}

/** Clears a correction's class (a clearing row: it counts as unclassified again); a no-op when it has none. */
export async function clearCorrectionClass(options: CorrectionContext & { actorId: string }): Promise<void> {
  const correction = await findCorrection(options);
  if (!correction.stored) return;
  await options.prisma.correctionClass.create({ data: { ...identityFields(options.transcriptId, correction), type: null, severity: null, classifiedById: options.actorId } });
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['corrections'] });
}

function identityFields(transcriptId: string, correction: GradedCorrection) {
  return { transcriptId, key: correction.key, turnId: correction.turnId, fromText: correction.from.join(' '), toText: correction.to.join(' '), occurrence: correction.occurrence };
}
