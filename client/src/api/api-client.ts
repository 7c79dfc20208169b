import type { z } from 'zod';
import { apiRoutes, csrfCookieName, csrfHeaderName } from '@verity/common';
import { ApiError, toApiError } from './api-error.ts';
import { readCookie } from './csrf.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  body?: unknown;
  /** Validates the response body; omit for endpoints that answer 204. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

let unauthenticatedListener: ((path: string) => void) | null = null;

/** Lets the session notice when a request finds the session gone (expired, or logged out elsewhere). */
export function onUnauthenticated(listener: ((path: string) => void) | null): void {
  unauthenticatedListener = listener;
}

function currentCsrfToken(): string | null {
  return typeof document === 'undefined' ? null : readCookie(document.cookie, csrfCookieName);
}

/** Any response sets the CSRF cookie; GET /api/setup is the cheapest one that needs no session. */
async function ensureCsrfToken(signal?: AbortSignal): Promise<string | null> {
  const existing = currentCsrfToken();
  if (existing) return existing;
  await fetch(apiRoutes.setup, { credentials: 'same-origin', signal }).catch(() => undefined);
  return currentCsrfToken();
}

async function send(path: string, method: Method, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = await ensureCsrfToken(signal);
    if (token) headers[csrfHeaderName] = token;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('internal', 'Could not reach the server. Check your connection and try again.', 0);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns a finished response into its schema-checked body, or throws ApiError (telling the session about a lost login). */
function readResult<S extends z.ZodType | undefined>(request: { path: string; method: string; schema?: S }, status: number, payload: unknown): Result<S> {
  if (status < 200 || status >= 300) {
    const error = toApiError(status, payload);
    if (error.code === 'unauthenticated') unauthenticatedListener?.(request.path);
    throw error;
  }
  if (!request.schema) return undefined as Result<S>;
  const parsed = request.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`Unexpected response from ${request.method} ${request.path}`, parsed.error);
    throw new ApiError('internal', 'The server sent a response this page does not understand. Try reloading.', status);
  }
  return parsed.data as Result<S>;
}

/** Calls the API: sends JSON with the CSRF header, validates the response with `schema`, and throws ApiError on failure. */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const { method = 'GET', body, schema, signal } = options;
  let response = await send(path, method, body, signal);
  let payload = await readJson(response);
  if (!response.ok && method !== 'GET' && toApiError(response.status, payload).code === 'csrf_failed') {
    // The cookie can rotate (e.g. on login in another tab); the retry picks up the fresh value.
    response = await send(path, method, body, signal);
    payload = await readJson(response);
  }
  return readResult({ path, method, schema }, response.status, payload);
}

interface UploadOptions<S extends z.ZodType> {
  /** POST (a file) unless given: PUT sends a chunk of a recording's upload. */
  method?: 'POST' | 'PUT';
  /** Sent as the raw request body, `application/octet-stream`. */
  file: Blob;
  headers?: Record<string, string>;
  schema: S;
  /** Called with the fraction (0–1) of the body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the request body and reports upload progress, which fetch cannot do, hence
 * XMLHttpRequest. Same CSRF header, error shape and response validation as apiRequest.
 */
export async function apiUpload<S extends z.ZodType>(path: string, options: UploadOptions<S>): Promise<Result<S>> {
  const { method = 'POST', file, headers = {}, schema, onProgress, signal } = options;
  const token = await ensureCsrfToken(signal);
  const { status, payload } = await new Promise<{ status: number; payload: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('content-type', 'application/octet-stream');
    if (token) request.setRequestHeader(csrfHeaderName, token);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      resolve({ status: request.status, payload: body });
    };
    request.onerror = () => reject(new ApiError('internal', 'Could not reach the server. Check your connection and try again.', 0));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
  return readResult({ path, method, schema }, status, payload);
}
