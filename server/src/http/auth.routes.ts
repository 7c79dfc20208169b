import { Router, type Request, type Response } from 'express';
import { AppError, changePasswordRequestSchema, loginRequestSchema, setupRequestSchema, signupRequestSchema } from '@verity/common';
import { authenticate } from '../accounts/authenticate.ts';
import { changePassword } from '../accounts/change-password.ts';
import { createUser } from '../accounts/create-user.ts';
import { createSession, deleteSession } from '../accounts/sessions.ts';
import { isSetupNeeded, setupOwner } from '../accounts/setup-owner.ts';
import { presentUser } from '../accounts/user.presenter.ts';
import { clearSessionCookie, currentUser, requireUser, setSessionCookie } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** First-run setup, sign-up, sign-in and out, password change. */
export function authRoutes({ prisma, config }: RouteContext): Router {
  const router = Router();
  const isSecure = config.hasSecureCookies;

  async function startSession(req: Request, res: Response, userId: string) {
    const session = await createSession(prisma, { userId, ttlMs: config.sessionTtlMs, userAgent: req.get('user-agent') });
    setSessionCookie(res, { ...session, isSecure });
  }

  router.get('/setup', async (_req, res) => {
    res.json({ needsSetup: await isSetupNeeded(prisma), openSignup: config.isOpenSignup });
  });

  router.post(
    '/setup',
    validate({ body: setupRequestSchema }, async ({ body }, req, res) => {
      const user = await setupOwner(prisma, body);
      await startSession(req, res, user.id);
      res.status(201).json({ user: presentUser(user) });
    }),
  );

  router.post(
    '/auth/signup',
    validate({ body: signupRequestSchema }, async ({ body }, req, res) => {
      if (!config.isOpenSignup) throw new AppError('forbidden', 'Sign-up is closed; ask an administrator for an account.');
      if (await isSetupNeeded(prisma)) throw new AppError('conflict', 'Verity is not set up yet; complete first-run setup instead.');
      const user = await createUser(prisma, body);
      await startSession(req, res, user.id);
      res.status(201).json({ user: presentUser(user) });
    }),
  );

  router.post(
    '/auth/login',
    validate({ body: loginRequestSchema }, async ({ body }, req, res) => {
      const user = await authenticate(prisma, { email: body.email, password: body.password, clientAddress: req.ip ?? 'unknown' });
      await startSession(req, res, user.id);
      res.json({ user: presentUser(user) });
    }),
  );

  router.post('/auth/logout', async (_req, res) => {
    if (res.locals.sessionToken) await deleteSession(prisma, res.locals.sessionToken);
    clearSessionCookie(res, { isSecure });
    res.status(204).end();
  });

  router.get('/auth/me', requireUser, (_req, res) => {
    res.json({ user: presentUser(currentUser(res)) });
  });

  router.post(
    '/auth/password',
    requireUser,
    validate({ body: changePasswordRequestSchema }, async ({ body }, _req, res) => {
      const { currentPassword, newPassword } = body;
      await changePassword(prisma, { userId: currentUser(res).id, currentPassword, newPassword, keepSessionToken: res.locals.sessionToken });
      res.status(204).end();
    }),
  );

  return router;
}
