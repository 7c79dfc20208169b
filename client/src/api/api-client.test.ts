import { afterEach, describe, expect, it, vi } from 'vitest';
import { userResponseSchema } from '@verity/common';
import { apiRequest, onUnauthenticated } from './api-client.ts';
import { ApiError, toApiError } from './api-error.ts';
import { readCookie } from './csrf.ts';

function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('toApiError', () => {
  it('takes code and message from the error body', () => {
    const error = toApiError(429, { error: { code: 'rate_limited', message: 'Too many failed logins. Try again in 5 minutes.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Too many failed logins. Try again in 5 minutes.', status: 429 });
  });

  it('falls back to the status when the body is not the error shape', () => {
    expect(toApiError(404, '<html>Not Found</html>')).toMatchObject({ code: 'not_found', status: 404 });
    expect(toApiError(502, undefined)).toMatchObject({ code: 'internal', message: 'The server ran into a problem. Please try again.' });
  });

  it('keeps the message but not an unknown code', () => {
    expect(toApiError(403, { error: { code: 'shiny_new_code', message: 'No.' } })).toMatchObject({ code: 'forbidden', message: 'No.' });
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; verity_csrf=abc%3D%3D; b=2', 'verity_csrf')).toBe('abc==');
  });

  it('returns null when absent or empty, and does not match on a suffix', () => {
    expect(readCookie('', 'verity_csrf')).toBeNull();
    expect(readCookie('verity_csrf=', 'verity_csrf')).toBeNull();
    expect(readCookie('old_verity_csrf=x', 'verity_csrf')).toBeNull();
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    onUnauthenticated(null);
  });

  it('sends JSON with the CSRF header and parses the response with the schema', async () => {
    const fetchMock = vi.fn(async (..._args: Parameters<typeof fetch>) =>
      jsonResponse(200, { user: { id: 'u1', email: 'ada@example.com', displayName: 'Ada', isAdmin: false } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: 'verity_csrf=tok123' });

    const result = await apiRequest('/api/auth/login', { method: 'POST', body: { email: 'ada@example.com', password: 'x' }, schema: userResponseSchema });

    expect(result.user.displayName).toBe('Ada');
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/auth/login');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"email":"ada@example.com","password":"x"}' });
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-csrf-token': 'tok123' });
  });

  it('fetches /api/setup first when the CSRF cookie is missing', async () => {
    const fakeDocument = { cookie: '' };
    const fetchMock = vi.fn(async (input: Parameters<typeof fetch>[0]) => {
      if (input === '/api/setup') {
        fakeDocument.cookie = 'verity_csrf=fresh';
        return jsonResponse(200, { needsSetup: false, openSignup: false });
      }
      return jsonResponse(204);
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', fakeDocument);

    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();

    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual(['/api/setup', '/api/auth/logout']);
    expect((fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1].headers).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('retries once with the fresh cookie after csrf_failed', async () => {
    const fakeDocument = { cookie: 'verity_csrf=stale' };
    const fetchMock = vi.fn(async (..._args: Parameters<typeof fetch>) => {
      if (fetchMock.mock.calls.length === 1) {
        fakeDocument.cookie = 'verity_csrf=rotated';
        return jsonResponse(403, { error: { code: 'csrf_failed', message: 'Bad token' } });
      }
      return jsonResponse(204);
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', fakeDocument);

    await apiRequest('/api/auth/logout', { method: 'POST' });

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'rotated' });
  });

  it('throws ApiError with the server message, and reports a lost session', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { error: { code: 'unauthenticated', message: 'Please log in.' } })));
    const listener = vi.fn();
    onUnauthenticated(listener);

    const failure = apiRequest('/api/transcripts');

    await expect(failure).rejects.toMatchObject({ name: 'ApiError', code: 'unauthenticated', message: 'Please log in.', status: 401 });
    expect(listener).toHaveBeenCalledWith('/api/transcripts');
  });

  it('treats a response that does not match the schema as an error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { user: { id: 1 } })));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(apiRequest('/api/auth/me', { schema: userResponseSchema })).rejects.toMatchObject({ code: 'internal', status: 200 });
  });

  it('reports an unreachable server with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));

    await expect(apiRequest('/api/transcripts')).rejects.toMatchObject({ status: 0, message: expect.stringContaining('Could not reach the server') });
  });
});
