import {
  activityResponseSchema,
  blameResponseSchema,
  compareResponseSchema,
  historyRoutes,
  restoreResponseSchema,
  versionListResponseSchema,
  versionSummaryResponseSchema,
  type ActivityResponse,
  type CompareResponse,
  type RestoreResponse,
  type VersionSummary,
} from '@verity/common';
import { apiRequest } from './api-client.ts';

/** Every version, newest first. */
export async function listVersions(id: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return (await apiRequest(historyRoutes.versions(id), { schema: versionListResponseSchema, signal })).versions;
}

/** Records the current text as a named version (editors and up). */
export async function createNamedVersion(id: string, name: string, note?: string): Promise<VersionSummary> {
  return (await apiRequest(historyRoutes.versions(id), { method: 'POST', body: { name, ...(note ? { note } : {}) }, schema: versionSummaryResponseSchema })).version;
}

/** Word-level differences between version `from` and version `to` (or the live text). */
export function compareVersions(id: string, from: number, to: number | 'current', signal?: AbortSignal): Promise<CompareResponse> {
  return apiRequest(historyRoutes.compare(id, from, to), { schema: compareResponseSchema, signal });
}

/** The activity feed, newest first. */
export function listActivity(id: string, signal?: AbortSignal): Promise<ActivityResponse> {
  return apiRequest(historyRoutes.activity(id), { schema: activityResponseSchema, signal });
}

export function fetchBlame(id: string, signal?: AbortSignal) {
  return apiRequest(historyRoutes.blame(id), { schema: blameResponseSchema, signal });
}

/** Restores a whole version as a new change on top. */
export function restoreVersion(id: string, number: number): Promise<RestoreResponse> {
  return apiRequest(historyRoutes.restoreVersion(id, number), { method: 'POST', schema: restoreResponseSchema });
}

/** Restores one turn of a version as a new change on top. */
export function restoreTurn(id: string, number: number, turnId: string): Promise<RestoreResponse> {
  return apiRequest(historyRoutes.restoreTurn(id, number, turnId), { method: 'POST', schema: restoreResponseSchema });
}
