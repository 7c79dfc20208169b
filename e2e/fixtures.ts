import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';

/** A password every e2e user has. */
export const e2ePassword = 'correct horse battery staple';

/** Random names, so specs running in parallel never share data. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.test`;
}

/** The CSRF token the server set in this context's cookies (GET /api/setup sets one). */
async function csrfToken(request: APIRequestContext): Promise<string> {
  await request.get('/api/setup');
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name === 'verity_csrf');
  if (!cookie) throw new Error('the server set no verity_csrf cookie');
  return cookie.value;
}

/** A JSON request with the CSRF header, through the page's own cookie jar. */
export async function apiPost<T = unknown>(page: Page, path: string, body: object): Promise<T> {
  const token = await csrfToken(page.request);
  const response = await page.request.post(path, { data: body, headers: { 'x-csrf-token': token } });
  if (!response.ok()) throw new Error(`POST ${path} → ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Signs up a fresh user through the API (the e2e server runs with open sign-up); the page is then signed in. */
export async function signUp(page: Page, displayName = 'E2E User'): Promise<{ email: string; displayName: string; id: string }> {
  const email = uniqueEmail();
  const { user } = await apiPost<{ user: { id: string } }>(page, '/api/auth/signup', { email, displayName, password: e2ePassword });
  return { email, displayName, id: user.id };
}
