import type { RequestHandler, Response } from 'express';
import { AppError, transcriptParamsSchema, type Permission } from '@verity/common';
import { findSession } from '../accounts/sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { requireTranscriptAccess } from '../transcripts/transcript-access.ts';
import { parseParams } from './validate.ts';

export const sessionCookieName = 'verity_session';

/** Loads the signed-in user, if any, from the session cookie. */
export function loadSession(prisma: PrismaClient, options: { ttlMs: number }): RequestHandler {
  return async (req, res, next) => {
    const token = req.cookies[sessionCookieName];
    if (token && token.length <= 100) {
      const session = await findSession(prisma, { token, ttlMs: options.ttlMs });
      if (session) {
        res.locals.user = session.user;
        res.locals.sessionToken = token;
      }
    }
    next();
  };
}

/** Refuses anonymous requests. */
export const requireUser: RequestHandler = (_req, res, next) => {
  next(res.locals.user ? undefined : new AppError('unauthenticated', 'Sign in to continue.'));
};

/** The signed-in user; only call after requireUser. */
export function currentUser(res: Response) {
  const user = res.locals.user;
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
  return user;
}

/** Requires a permission on the transcript named by :id (parsed here, once, to its canonical form); stores the access in res.locals. */
export function requireTranscript(prisma: PrismaClient, permission: Permission): RequestHandler {
  return async (req, res, next) => {
    const user = currentUser(res);
    const { id } = parseParams(transcriptParamsSchema, req.params);
    res.locals.access = await requireTranscriptAccess(prisma, { transcriptId: id, userId: user.id, permission });
    next();
  };
}

/** The access requireTranscript established. */
export function currentAccess(res: Response) {
  const access = res.locals.access;
  if (!access) throw new Error('requireTranscript must run before currentAccess');
  return access;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function setSessionCookie(res: Response, options: { token: string; expiresAt: Date; isSecure: boolean }): void {
  res.cookie(sessionCookieName, options.token, { httpOnly: true, sameSite: 'lax', secure: options.isSecure, expires: options.expiresAt, path: '/' });
}

export function clearSessionCookie(res: Response, options: { isSecure: boolean }): void {
  res.clearCookie(sessionCookieName, { httpOnly: true, sameSite: 'lax', secure: options.isSecure, path: '/' });
}
