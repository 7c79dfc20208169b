import { countOpenIssues, type Approval, type ReviewState } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { countOpenComments } from '../comments/count-open-comments.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { presentApproval, presentReviewEvent } from './review.presenter.ts';

const person = { select: { id: true, displayName: true } } as const;

/** Every authoritative version of a transcript, oldest first (v1, v2…). */
export async function listApprovals(prisma: PrismaClient, transcriptId: string): Promise<Approval[]> {
  const rows = await prisma.approval.findMany({
    where: { transcriptId },
    orderBy: [{ approvedAt: 'asc' }, { id: 'asc' }],
    include: { version: { select: { number: true, recordingSha256: true } }, approver: person },
  });
  return rows.map((row, index) => presentApproval(row, index + 1));
}

/** Status, what still blocks approval (the current document's issues, open comment threads), the approvals and the workflow log. */
export async function getReview(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string }): Promise<ReviewState> {
  const { prisma, transcriptId } = options;
  const [transcript, current, approvals, events, openComments] = await Promise.all([
    prisma.transcript.findUniqueOrThrow({ where: { id: transcriptId }, select: { status: true } }),
    readCurrentTranscript(options),
    listApprovals(prisma, transcriptId),
    prisma.reviewEvent.findMany({ where: { transcriptId }, orderBy: { id: 'asc' }, include: { actor: person } }),
    countOpenComments(prisma, transcriptId),
  ]);
  return { status: transcript.status, openIssues: countOpenIssues(current.transcript), openComments, approvals, events: events.map(presentReviewEvent) };
}
