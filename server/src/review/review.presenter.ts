import type { Approval, ReviewEvent } from '@verity/common';

type Person = { id: string; displayName: string };

/** An approvals row as members see it; `ordinal` is its place among the transcript's approvals (v1, v2…). */
export function presentApproval(
  approval: { approvedAt: Date; waiverReason: string | null; contentSha256: string; version: { number: number; recordingSha256: string | null }; approver: Person },
  ordinal: number,
): Approval {
  return {
    ordinal,
    versionNumber: approval.version.number,
    approver: { id: approval.approver.id, displayName: approval.approver.displayName },
    approvedAt: approval.approvedAt.toISOString(),
    waiverReason: approval.waiverReason,
    contentSha256: approval.contentSha256,
    recordingSha256: approval.version.recordingSha256,
  };
}

/** A review_events row as members see it. */
export function presentReviewEvent(event: { action: ReviewEvent['action']; comment: string | null; createdAt: Date; actor: Person | null }): ReviewEvent {
  return {
    action: event.action,
    actor: event.actor ? { id: event.actor.id, displayName: event.actor.displayName } : null,
    comment: event.comment,
    at: event.createdAt.toISOString(),
  };
}
