import { z } from 'zod';
import { transcriptStatusSchema } from './transcripts.schemas.ts';

/** Send-back needs a reason the editors can act on. */
export const sendBackRequestSchema = z.object({ comment: z.string().trim().min(1, 'must not be empty').max(2000) });
export type SendBackRequest = z.infer<typeof sendBackRequestSchema>;

/** Approval: a waiver reason is required only while uncertain spans, unattributed turns or open comments remain. */
export const approveRequestSchema = z.object({ waiverReason: z.string().trim().min(1, 'must not be empty').max(2000).optional() });
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

export const submitRequestSchema = z.object({ comment: z.string().trim().max(2000).optional() });
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

export const reviewActions = ['submitted', 'sent_back', 'approved', 'reopened'] as const;
export const reviewActionSchema = z.enum(reviewActions);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** One step of the workflow as recorded; `actor` is null when an edit reopened the draft on its own. */
export const reviewEventSchema = z.object({
  action: reviewActionSchema,
  actor: personSchema.nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

/** An authoritative version: immutable once written. */
export const approvalSchema = z.object({
  /** v1, v2… in order of approval. */
  ordinal: z.number().int().positive(),
  versionNumber: z.number().int().nonnegative(),
  approver: personSchema,
  approvedAt: z.string(),
  waiverReason: z.string().nullable(),
  contentSha256: z.string(),
  /** SHA-256 of the recording attached when the version was taken: what it was checked against (null: none). */
  recordingSha256: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const openIssuesSchema = z.object({ uncertainSpans: z.number().int(), unattributedTurns: z.number().int() });

/** The review state of a transcript as members see it. */
export const reviewStateSchema = z.object({
  status: transcriptStatusSchema,
  openIssues: openIssuesSchema,
  /** Comment threads not yet resolved: they block approval too (waivable like the issues). */
  openComments: z.number().int().nonnegative(),
  approvals: z.array(approvalSchema),
  events: z.array(reviewEventSchema),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const reviewResponseSchema = z.object({ review: reviewStateSchema });
export type ReviewResponse = z.infer<typeof reviewResponseSchema>;
