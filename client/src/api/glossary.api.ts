import {
  apiRoutes,
  glossaryImportResponseSchema,
  glossaryListResponseSchema,
  glossarySchema,
  transcriptGlossariesResponseSchema,
  type Glossary,
  type GlossaryImportResponse,
  type GlossarySummary,
  type GlossaryTermInput,
  type TranscriptGlossariesResponse,
} from '@verity/common';
import { apiRequest, apiUpload } from './api-client.ts';

/** The signed-in user's term lists, with where each is attached. */
export async function listGlossaries(signal?: AbortSignal): Promise<GlossarySummary[]> {
  return (await apiRequest(apiRoutes.glossaries, { schema: glossaryListResponseSchema, signal })).glossaries;
}

/** One of the user's lists with its terms. */
export async function getGlossary(glossaryId: string, signal?: AbortSignal): Promise<Glossary> {
  return apiRequest(apiRoutes.glossary(glossaryId), { schema: glossarySchema, signal });
}

/** Creates an empty list owned by the user. */
export async function createGlossary(name: string): Promise<Glossary> {
  return apiRequest(apiRoutes.glossaries, { method: 'POST', body: { name }, schema: glossarySchema });
}

/** Renames one of the user's lists. */
export async function renameGlossary(glossaryId: string, name: string): Promise<Glossary> {
  return apiRequest(apiRoutes.glossary(glossaryId), { method: 'PATCH', body: { name }, schema: glossarySchema });
}

/** Deletes a list: it leaves every transcript it was attached to. */
export async function deleteGlossary(glossaryId: string): Promise<void> {
  await apiRequest(apiRoutes.glossary(glossaryId), { method: 'DELETE' });
}

/** Adds a term; answers with the whole list. */
export async function addGlossaryTerm(glossaryId: string, term: GlossaryTermInput): Promise<Glossary> {
  return apiRequest(apiRoutes.glossaryTerms(glossaryId), { method: 'POST', body: term, schema: glossarySchema });
}

/** Changes a term; answers with the whole list. */
export async function updateGlossaryTerm(glossaryId: string, termId: string, term: GlossaryTermInput): Promise<Glossary> {
  return apiRequest(apiRoutes.glossaryTerm(glossaryId, termId), { method: 'PATCH', body: term, schema: glossarySchema });
}

/** Removes a term; answers with the whole list. */
export async function deleteGlossaryTerm(glossaryId: string, termId: string): Promise<Glossary> {
  return apiRequest(apiRoutes.glossaryTerm(glossaryId, termId), { method: 'DELETE', schema: glossarySchema });
}

/** Uploads a CSV (term,misrecognitions,note): merged into the list, or replacing its terms. */
export async function importGlossaryCsv(glossaryId: string, file: Blob, mode: 'merge' | 'replace'): Promise<GlossaryImportResponse> {
  return apiUpload(apiRoutes.glossaryImport(glossaryId, mode), { file, schema: glossaryImportResponseSchema });
}

/** The lists attached to a transcript, with their terms (any member). */
export async function listTranscriptGlossaries(transcriptId: string, signal?: AbortSignal): Promise<TranscriptGlossariesResponse['glossaries']> {
  return (await apiRequest(apiRoutes.transcriptGlossaries(transcriptId), { schema: transcriptGlossariesResponseSchema, signal })).glossaries;
}

/** Attaches one of the user's lists to a transcript they own. */
export async function attachGlossary(transcriptId: string, glossaryId: string): Promise<TranscriptGlossariesResponse['glossaries']> {
  return (await apiRequest(apiRoutes.transcriptGlossaries(transcriptId), { method: 'POST', body: { glossaryId }, schema: transcriptGlossariesResponseSchema })).glossaries;
}

/** Detaches a list from a transcript. */
export async function detachGlossary(transcriptId: string, glossaryId: string): Promise<TranscriptGlossariesResponse['glossaries']> {
  return (await apiRequest(apiRoutes.transcriptGlossary(transcriptId, glossaryId), { method: 'DELETE', schema: transcriptGlossariesResponseSchema })).glossaries;
}
