import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { grantableRoleSchema } from './transcripts.schemas.ts';

/** The most uses one link can have: enough for a class, small enough that a leaked link is bounded. */
export const maxInvitationUses = 1000;

/** Single-use unless the owner asks for more. */
export const createInvitationRequestSchema = z.object({
  role: grantableRoleSchema,
  maxUses: z.number().int().min(1).max(maxInvitationUses).default(1),
});
export type CreateInvitationRequest = z.input<typeof createInvitationRequestSchema>;

/** What a link offers, for the person holding it (and, with its URL, for the owner who just made it). */
export const invitationSchema = z.object({
  token: z.string(),
  url: z.string(),
  role: grantableRoleSchema,
  transcriptId: z.string(),
  transcriptTitle: z.string(),
  invitedBy: z.string(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  /** The signed-in user's role on the transcript already, so the page can say what accepting changes. */
  memberRole: roleSchema.nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationResponseSchema = z.object({ invitation: invitationSchema });
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const acceptInvitationResponseSchema = z.object({ transcriptId: z.string(), role: roleSchema });
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;

/** Whether a link still admits anyone; the first that applies of revoked, used up, expired. */
export const invitationStateSchema = z.enum(['active', 'revoked', 'used_up', 'expired']);
export type InvitationState = z.infer<typeof invitationStateSchema>;

/** A link as its owner sees it in the list; the token is not stored, so the URL cannot be shown again. */
export const invitationLinkSchema = z.object({
  id: z.string(),
  role: grantableRoleSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  revokedAt: z.string().nullable(),
  state: invitationStateSchema,
});
export type InvitationLink = z.infer<typeof invitationLinkSchema>;

export const invitationLinkListResponseSchema = z.object({ invitations: z.array(invitationLinkSchema) });
export type InvitationLinkListResponse = z.infer<typeof invitationLinkListResponseSchema>;

export const invitationLinkResponseSchema = z.object({ invitation: invitationLinkSchema });
export type InvitationLinkResponse = z.infer<typeof invitationLinkResponseSchema>;

