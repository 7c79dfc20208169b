import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';

/** How often a session's last-seen time is written: often enough for sliding expiry, rarely enough to stay cheap. */
const touchIntervalMs = 60_000;

/** Only the hash is stored, so a leaked sessions table cannot be replayed as cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a server-side session; returns the token for the cookie. */
export async function createSession(prisma: PrismaClient, options: { userId: string; ttlMs: number; userAgent?: string | undefined }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + options.ttlMs);
  await prisma.session.create({ data: { id: hashToken(token), userId: options.userId, expiresAt, userAgent: options.userAgent?.slice(0, 300) ?? null } });
  return { token, expiresAt };
}

/** The live session for a token with its user, extending it (sliding expiry); null when unknown or expired. */
export async function findSession(prisma: PrismaClient, options: { token: string; ttlMs: number }) {
  const session = await prisma.session.findUnique({ where: { id: hashToken(options.token) }, include: { user: true } });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > touchIntervalMs) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now), expiresAt: new Date(now + options.ttlMs) } });
  }
  return session;
}

/** Ends one session (logout); its open live connections are closed. */
export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  const sessionId = hashToken(token);
  await prisma.session.deleteMany({ where: { id: sessionId } });
  domainEvents.emit('sessionEnded', { sessionId });
}

/** Ends every session of a user but one (after a password change, other devices must sign in again). */
export async function deleteOtherSessions(prisma: PrismaClient, options: { userId: string; keepToken?: string }): Promise<void> {
  const keptSessionId = options.keepToken ? hashToken(options.keepToken) : null;
  await prisma.session.deleteMany({ where: { userId: options.userId, ...(keptSessionId ? { id: { not: keptSessionId } } : {}) } });
  domainEvents.emit('userSessionsEnded', { userId: options.userId, keptSessionId });
}
