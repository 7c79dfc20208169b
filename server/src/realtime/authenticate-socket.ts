import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { findSession } from '../accounts/sessions.ts';
import { sessionCookieName } from '../http/authentication.ts';
import type { VeritySocket } from './socket-types.ts';

/**
 * Refuses handshakes from other sites' pages (cross-site WebSocket hijacking: the browser would attach
 * our cookie). Browsers always send Origin cross-origin; a missing one is a same-origin GET or a
 * non-browser client, which carries no victim's cookie.
 */
export function isAllowedOrigin(request: IncomingMessage, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.origin === new URL(publicUrl).origin || url.host === request.headers.host;
  } catch {
    return false;
  }
}

/** Socket.io middleware: the session cookie must name a live session, else connect_error 'unauthenticated'. */
export function authenticateSocket(prisma: PrismaClient, config: Pick<Config, 'sessionTtlMs'>) {
  return async (socket: VeritySocket, next: (error?: Error) => void): Promise<void> => {
    try {
      const token = parse(socket.request.headers.cookie ?? '')[sessionCookieName];
      const session = token && token.length <= 100 ? await findSession(prisma, { token, ttlMs: config.sessionTtlMs }) : null;
      if (!session) return next(new Error('unauthenticated'));
      socket.data.userId = session.user.id;
      socket.data.sessionId = session.id;
      socket.data.displayName = session.user.displayName;
      next();
    } catch {
      next(new Error('internal'));
    }
  };
}
