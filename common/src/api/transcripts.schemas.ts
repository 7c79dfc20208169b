import { z } from 'zod';
import { emailSchema } from './auth.schemas.ts';
import { roleSchema } from './roles.ts';

export const transcriptStatuses = ['draft', 'in_review', 'approved'] as const;
export const transcriptStatusSchema = z.enum(transcriptStatuses);
export type TranscriptStatus = z.infer<typeof transcriptStatusSchema>;

export const titleSchema = z.string().trim().min(1, 'must not be empty').max(300);

/** A transcript as listed for one user: their role decides what the UI offers. */
export const transcriptSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: transcriptStatusSchema,
  role: roleSchema,
  ownerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TranscriptSummary = z.infer<typeof transcriptSummarySchema>;

export const transcriptListResponseSchema = z.object({ transcripts: z.array(transcriptSummarySchema) });
export type TranscriptListResponse = z.infer<typeof transcriptListResponseSchema>;

export const transcriptResponseSchema = z.object({ transcript: transcriptSummarySchema });
export type TranscriptResponse = z.infer<typeof transcriptResponseSchema>;

export const createTranscriptRequestSchema = z.object({ title: titleSchema });
export type CreateTranscriptRequest = z.infer<typeof createTranscriptRequestSchema>;

export const updateTranscriptRequestSchema = z.object({ title: titleSchema });
export type UpdateTranscriptRequest = z.infer<typeof updateTranscriptRequestSchema>;

export const memberSchema = z.object({ userId: z.string(), email: z.string(), displayName: z.string(), role: roleSchema });
export type Member = z.infer<typeof memberSchema>;

export const memberListResponseSchema = z.object({ members: z.array(memberSchema) });
export type MemberListResponse = z.infer<typeof memberListResponseSchema>;

/** Owners are made by creating a transcript, never by invitation, so only the other roles can be granted. */
export const grantableRoleSchema = z.enum(['viewer', 'editor', 'reviewer']);
export type GrantableRole = z.infer<typeof grantableRoleSchema>;

export const addMemberRequestSchema = z.object({ email: emailSchema, role: grantableRoleSchema });
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;

export const changeMemberRoleRequestSchema = z.object({ role: grantableRoleSchema });
export type ChangeMemberRoleRequest = z.infer<typeof changeMemberRoleRequestSchema>;

export const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.literal('up') });
