import { AppError, countOpenIssues, hasOpenIssues, transcriptSchema, type OpenIssues } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { createVersion } from '../history/create-version.ts';
import { countOpenComments } from '../comments/count-open-comments.ts';
import { changeStatus } from './change-status.ts';

/** "2 uncertain spans, 1 unattributed turn and 3 open comments". */
export function describeOpenIssues(issues: OpenIssues, openComments = 0): string {
  const parts: string[] = [];
  if (issues.uncertainSpans > 0) parts.push(`${issues.uncertainSpans} uncertain span${issues.uncertainSpans === 1 ? '' : 's'}`);
  if (issues.unattributedTurns > 0) parts.push(`${issues.unattributedTurns} unattributed turn${issues.unattributedTurns === 1 ? '' : 's'}`);
  if (openComments > 0) parts.push(`${openComments} open comment${openComments === 1 ? '' : 's'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/**
 * in_review → approved: snapshots the current document as an authoritative version (kind approval)
 * and signs it with an immutable approvals row. Refused while uncertain spans, unattributed turns or
 * open comment threads remain, unless `waiverReason` says why they may (then it is recorded). The caller checked `approve`.
 * One transaction that locks the transcript row first (FOR NO KEY UPDATE: the version's foreign key
 * only needs KEY SHARE, so a concurrent automatic version cannot deadlock with it): of two reviewers
 * approving at once the second waits, then finds it approved (409). A refusal after the snapshot —
 * the guard is checked on the snapshot itself, so an edit landing meanwhile cannot slip an issue past
 * it — rolls everything back: there is never an approval version without its approvals row.
 */
export async function approveTranscript(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string; actorId: string; waiverReason?: string }) {
  const { prisma, transcriptId, actorId } = options;
  const waiverReason = options.waiverReason?.trim() || null;
  const approval = await prisma.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "transcripts" WHERE "id" = ${transcriptId}::uuid FOR NO KEY UPDATE`;
      if (row?.status !== 'in_review') throw new AppError('conflict', 'Only a transcript in review can be approved; send it to review first.');
      const version = await createVersion({ prisma, tx, liveSessions: options.liveSessions, transcriptId, kind: 'approval', actorId });
      const issues = countOpenIssues(transcriptSchema.parse(version.content));
      const openComments = await countOpenComments(tx, transcriptId);
      const isWaived = hasOpenIssues(issues) || openComments > 0;
      if (isWaived && !waiverReason) {
        throw new AppError('conflict', `${describeOpenIssues(issues, openComments)} remain. Resolve them, or approve with a waiver reason.`);
      }
      await changeStatus(tx, { transcriptId, from: 'in_review', to: 'approved', action: 'approved', actorId, comment: isWaived ? `Waived: ${waiverReason}` : null });
      return tx.approval.create({
        data: { transcriptId, versionId: version.id, approverId: actorId, waiverReason: isWaived ? waiverReason : null, contentSha256: version.contentSha256 },
        include: { version: { select: { number: true, recordingSha256: true } }, approver: { select: { id: true, displayName: true } } },
      });
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  domainEvents.emit('transcriptChanged', { transcriptId, topics: ['review', 'versions'] });
  return approval;
}
