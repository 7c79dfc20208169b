/** The query parameter that carries where to return after logging in. */
export const nextParam = 'next';

/**
 * `next` when it is a path inside this app, otherwise `fallback`.
 * Rejecting `//host` and `/\host` keeps a crafted login link from sending people to another site.
 */
export function safeRedirectPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/')) return fallback;
  if (next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return next;
}

/** A path to `page` (e.g. /login) that returns to `next` afterwards; `next` is dropped when it is just the home page. */
export function withNext(page: string, next: string | null | undefined): string {
  const target = safeRedirectPath(next, '/');
  if (target === '/') return page;
  return `${page}?${new URLSearchParams({ [nextParam]: target }).toString()}`;
}
