import {
  apiRoutes,
  memberListResponseSchema,
  transcriptListResponseSchema,
  transcriptResponseSchema,
  type GrantableRole,
  type Member,
  type TranscriptSummary,
} from '@verity/common';
import { apiRequest } from './api-client.ts';

/** Every transcript the signed-in user is a member of. */
export async function listTranscripts(signal?: AbortSignal): Promise<TranscriptSummary[]> {
  return (await apiRequest(apiRoutes.transcripts, { schema: transcriptListResponseSchema, signal })).transcripts;
}

/** Creates an empty transcript owned by the signed-in user. */
export async function createTranscript(title: string): Promise<TranscriptSummary> {
  return (await apiRequest(apiRoutes.transcripts, { method: 'POST', body: { title }, schema: transcriptResponseSchema })).transcript;
}

/** One transcript, as seen by the signed-in user; not_found when they are not a member. */
export async function fetchTranscript(id: string, signal?: AbortSignal): Promise<TranscriptSummary> {
  return (await apiRequest(apiRoutes.transcript(id), { schema: transcriptResponseSchema, signal })).transcript;
}

/** Renames a transcript (owner only). */
export async function renameTranscript(id: string, title: string): Promise<TranscriptSummary> {
  return (await apiRequest(apiRoutes.transcript(id), { method: 'PATCH', body: { title }, schema: transcriptResponseSchema })).transcript;
}

/** Deletes a transcript (owner only). */
export function deleteTranscript(id: string): Promise<undefined> {
  return apiRequest(apiRoutes.transcript(id), { method: 'DELETE' });
}

/** The people who can open a transcript, with their roles. */
export async function listMembers(id: string, signal?: AbortSignal): Promise<Member[]> {
  return (await apiRequest(apiRoutes.members(id), { schema: memberListResponseSchema, signal })).members;
}

/** Adds an existing account to a transcript by e-mail (owner only). */
export function addMember(id: string, email: string, role: GrantableRole): Promise<undefined> {
  // The response body is not needed: the panel reloads the list so it shows the server's view.
  return apiRequest(apiRoutes.members(id), { method: 'POST', body: { email, role } });
}

/** Changes a member's role (owner only). */
export function changeMemberRole(id: string, userId: string, role: GrantableRole): Promise<undefined> {
  return apiRequest(apiRoutes.member(id, userId), { method: 'PATCH', body: { role } });
}

/** Removes a member from a transcript. */
export function removeMember(id: string, userId: string): Promise<undefined> {
  return apiRequest(apiRoutes.member(id, userId), { method: 'DELETE' });
}
