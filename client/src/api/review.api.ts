import { apiRoutes, reviewResponseSchema, type ReviewState } from '@verity/common';
import { apiRequest } from './api-client.ts';
import { toApiError } from './api-error.ts';

/** Status, open issues, authoritative versions and the workflow log. */
export async function fetchReview(id: string, signal?: AbortSignal): Promise<ReviewState> {
  return (await apiRequest(apiRoutes.review(id), { schema: reviewResponseSchema, signal })).review;
}

/** draft → in_review. */
export async function submitForReview(id: string, comment?: string): Promise<ReviewState> {
  return (await apiRequest(apiRoutes.submitForReview(id), { method: 'POST', body: comment ? { comment } : {}, schema: reviewResponseSchema })).review;
}

/** in_review → draft, with the reviewer's comment. */
export async function sendBack(id: string, comment: string): Promise<ReviewState> {
  return (await apiRequest(apiRoutes.sendBack(id), { method: 'POST', body: { comment }, schema: reviewResponseSchema })).review;
}

/** in_review → approved; a waiver reason is needed while issues remain. */
export async function approve(id: string, waiverReason?: string): Promise<ReviewState> {
  return (await apiRequest(apiRoutes.approve(id), { method: 'POST', body: waiverReason ? { waiverReason } : {}, schema: reviewResponseSchema })).review;
}

/** A downloaded export: its bytes and the name the server gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Fetches an export, reporting progress as bytes arrive (total from Content-Length when the server
 * sends it, else null). A GET, so no CSRF header; errors come back in the usual error shape.
 */
export async function downloadExport(options: { id: string; format: string; version?: number; timecodes?: boolean; signal?: AbortSignal; onProgress?: (received: number, total: number | null) => void }): Promise<DownloadedFile> {
  const url = `${apiRoutes.exportFile(options.id, options.format, options.version)}${options.timecodes ? '&timecodes=true' : ''}`;
  const response = await fetch(url, { credentials: 'same-origin', signal: options.signal });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    throw toApiError(response.status, body);
  }
  const total = Number(response.headers.get('content-length')) || null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      options.onProgress?.(received, total);
    }
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `transcript.${options.format}`;
  return { blob: new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileName };
}
