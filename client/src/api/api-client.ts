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
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.code === 'unauthenticated') unauthenticatedListener?.(path);
    throw error;
  }
  if (!schema) return undefined as Result<S>;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error);
    throw new ApiError('internal', 'The server sent a response this page does not understand. Try reloading.', response.status);
  }
  return parsed.data as Result<S>;
}
