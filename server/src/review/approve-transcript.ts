import { AppError, countOpenIssues, hasOpenIssues, transcriptSchema, type OpenIssues } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { createVersion } from '../history/create-version.ts';
import { changeStatus } from './change-status.ts';

/** "2 uncertain spans and 1 unattributed turn". */
export function describeOpenIssues(issues: OpenIssues): string {
  const parts: string[] = [];
  if (issues.uncertainSpans > 0) parts.push(`${issues.uncertainSpans} uncertain span${issues.uncertainSpans === 1 ? '' : 's'}`);
  if (issues.unattributedTurns > 0) parts.push(`${issues.unattributedTurns} unattributed turn${issues.unattributedTurns === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/**
 * in_review → approved: snapshots the current document as an authoritative version (kind approval)
 * and signs it with an immutable approvals row. Refused while uncertain spans or unattributed turns
 * remain, unless `waiverReason` says why they may (then it is recorded). The caller checked `approve`.
 * The guard is re-checked on the snapshot itself, so an edit landing between check and snapshot cannot
 * slip an issue past it.
 */
export async function approveTranscript(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string; actorId: string; waiverReason?: string }) {
  const { prisma, transcriptId, actorId } = options;
  const transcript = await prisma.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { status: true } });
  if (transcript.status !== 'in_review') throw new AppError('conflict', 'Only a transcript in review can be approved; send it to review first.');
  const waiverReason = options.waiverReason?.trim() || null;
  assertNothingOpen(countOpenIssues((await readCurrentTranscript(options)).transcript), waiverReason);

  const version = await createVersion({ prisma, liveSessions: options.liveSessions, transcriptId, kind: 'approval', actorId });
  const issues = countOpenIssues(transcriptSchema.parse(version.content));
  assertNothingOpen(issues, waiverReason);
  return prisma.$transaction(async (tx) => {
    await changeStatus(tx, { transcriptId, from: 'in_review', to: 'approved', action: 'approved', actorId, comment: hasOpenIssues(issues) ? `Waived: ${waiverReason}` : null });
    return tx.approval.create({
      data: { transcriptId, versionId: version.id, approverId: actorId, waiverReason: hasOpenIssues(issues) ? waiverReason : null, contentSha256: version.contentSha256 },
      include: { version: { select: { number: true } }, approver: { select: { id: true, displayName: true } } },
    });
  });
}

function assertNothingOpen(issues: OpenIssues, waiverReason: string | null): void {
  if (hasOpenIssues(issues) && !waiverReason) {
    throw new AppError('conflict', `${describeOpenIssues(issues)} remain. Resolve them, or approve with a waiver reason.`);
  }
}
