import {
  acceptInvitationResponseSchema,
  apiRoutes,
  invitationLinkListResponseSchema,
  invitationLinkResponseSchema,
  invitationResponseSchema,
  type AcceptInvitationResponse,
  type CreateInvitationRequest,
  type Invitation,
  type InvitationLink,
} from '@verity/common';
import { apiRequest } from './api-client.ts';

/** Creates a shareable link for a role and a number of uses (owner only); its URL is shown only now. */
export async function createInvitation(id: string, request: CreateInvitationRequest): Promise<Invitation> {
  return (await apiRequest(apiRoutes.invitations(id), { method: 'POST', body: request, schema: invitationResponseSchema })).invitation;
}

/** A transcript's links with their uses and state, newest first (owner only). */
export async function listInvitationLinks(id: string, signal?: AbortSignal): Promise<InvitationLink[]> {
  return (await apiRequest(apiRoutes.invitations(id), { schema: invitationLinkListResponseSchema, signal })).invitations;
}

/** Stops a link from admitting anyone (owner only). */
export async function revokeInvitationLink(id: string, invitationId: string): Promise<InvitationLink> {
  return (await apiRequest(apiRoutes.revokeInvitation(id, invitationId), { method: 'POST', schema: invitationLinkResponseSchema })).invitation;
}

/** What an invitation link offers the signed-in user, before accepting it. */
export async function fetchInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return (await apiRequest(apiRoutes.invitation(token), { schema: invitationResponseSchema, signal })).invitation;
}

/** Accepts an invitation for the signed-in user. */
export function acceptInvitation(token: string): Promise<AcceptInvitationResponse> {
  return apiRequest(apiRoutes.acceptInvitation(token), { method: 'POST', schema: acceptInvitationResponseSchema });
}
