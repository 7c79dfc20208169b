import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError, csrfCookieName, csrfHeaderName } from '@verity/common';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection: a random cookie only our own pages can read must come back in a
 * header. Together with SameSite session cookies, another site cannot forge a state change.
 */
export function csrfProtection(options: { isSecure: boolean }): RequestHandler {
  return (req, res, next) => {
    let token = req.cookies?.[csrfCookieName] as string | undefined;
    if (!token || !/^[A-Za-z0-9_-]{32,}$/.test(token)) {
      token = randomBytes(24).toString('base64url');
      res.cookie(csrfCookieName, token, { httpOnly: false, sameSite: 'strict', secure: options.isSecure, path: '/' });
      if (!safeMethods.has(req.method)) {
        next(new AppError('csrf_failed', 'Missing CSRF token: reload the page and try again.'));
        return;
      }
    }
    if (safeMethods.has(req.method)) {
      next();
      return;
    }
    const header = req.get(csrfHeaderName) ?? '';
    const isMatch = header.length === token.length && timingSafeEqual(Buffer.from(header), Buffer.from(token));
    next(isMatch ? undefined : new AppError('csrf_failed', 'Invalid CSRF token: reload the page and try again.'));
  };
}
