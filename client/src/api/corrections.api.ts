import { apiRoutes, correctionListResponseSchema, correctionResponseSchema, type ClassifyCorrectionRequest, type CorrectionEntry, type CorrectionListResponse } from '@verity/common';
import { apiRequest } from './api-client.ts';

/** The corrections raw → current (all, or one turn's) with their classes, and the accuracy summary. */
export function listCorrections(id: string, options: { turnId?: string; signal?: AbortSignal } = {}): Promise<CorrectionListResponse> {
  return apiRequest(apiRoutes.corrections(id, options.turnId), { schema: correctionListResponseSchema, signal: options.signal });
}

/** Classifies or reclassifies one correction (correctors). */
export async function classifyCorrection(id: string, key: string, grade: ClassifyCorrectionRequest): Promise<CorrectionEntry> {
  return (await apiRequest(apiRoutes.correction(id, key), { method: 'POST', body: grade, schema: correctionResponseSchema })).correction;
}

/** Clears a correction's class: it counts as unclassified again. */
export function clearCorrectionClass(id: string, key: string): Promise<undefined> {
  return apiRequest(apiRoutes.correction(id, key), { method: 'DELETE' });
}
