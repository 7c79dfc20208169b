import {
  apiRoutes,
  fileNameHeaderName,
  importPreviewResponseSchema,
  importResponseSchema,
  type ImportFormat,
  type ImportPreview,
  type TranscriptSummary,
} from '@verity/common';
import { apiUpload } from './api-client.ts';

interface UploadFileOptions {
  format: ImportFormat;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function uploadTarget(path: string, file: File, query: Record<string, string | undefined>) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  // Headers carry Latin-1 only; the server decodes the URI-encoded name.
  return { path: `${path}?${params}`, headers: { [fileNameHeaderName]: encodeURIComponent(file.name) } };
}

/** Uploads a file for a preview of what it would import; nothing is stored. */
export async function previewImport(file: File, options: UploadFileOptions): Promise<ImportPreview> {
  const { path, headers } = uploadTarget(apiRoutes.importPreview, file, { format: options.format });
  return (await apiUpload(path, { file, headers, schema: importPreviewResponseSchema, onProgress: options.onProgress, signal: options.signal })).preview;
}

/** Uploads a file and creates a transcript from it, owned by the signed-in user. */
export async function importFile(file: File, options: UploadFileOptions & { title?: string }): Promise<TranscriptSummary> {
  const { path, headers } = uploadTarget(apiRoutes.imports, file, { format: options.format, title: options.title });
  return (await apiUpload(path, { file, headers, schema: importResponseSchema, onProgress: options.onProgress, signal: options.signal })).transcript;
}
