import type { Logger } from 'pino';
import type { Role } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import type { JoinedTranscript, OpenConnections } from './open-connections.ts';
import type { SocketConnection } from './socket-connection.ts';
import type { VeritySocket } from './socket-types.ts';

const messages = {
  removed: 'You were removed from this transcript.',
  deleted: 'This transcript was deleted.',
  signedOut: 'Your session has ended (you signed out, or the password was changed). Sign in again to keep editing.',
};

/** The running revalidation: stop() unsubscribes and ends the timer (at shutdown). */
export interface ConnectionRevalidation {
  stop(): void;
}

/**
 * Keeps every open connection true to the database, as HedgeDoc's updateOrCloseConnection does:
 * a member removed or the transcript deleted → closed with a typed reason; a role changed → the
 * `role` event and, for a viewer, read-only from that moment; the sign-in session ended → every
 * connection of that socket closed 'unauthenticated'.
 *
 * Two paths lead here. Domain events of this process (members.ts, manage-transcript.ts, sessions.ts)
 * apply at once, with what they say, before the HTTP request that caused them answers. A revalidation
 * every `everyMs` re-reads the sessions and memberships of all open connections in three queries: it
 * catches changes made by another process — the CLI's password reset and member commands share the
 * database, not this process's events — and a join whose access check raced an event. Polling was
 * chosen over LISTEN/NOTIFY: it needs no dedicated connection outside Prisma, cannot miss a
 * notification sent while that connection was down, and also sees sessions that expire or rows
 * changed by hand; it costs three indexed queries per interval whatever the number of sockets.
 */
export function keepConnectionsValid(options: { prisma: PrismaClient; open: OpenConnections; logger: Logger; everyMs?: number }): ConnectionRevalidation {
  const { prisma, open, logger } = options;
  // Bumped by every applied event: a revalidation that read the database before it is stale and dropped.
  let epoch = 0;
  const unsubscribe = [
    domainEvents.on('membershipChanged', ({ transcriptId, userId, role }) => {
      epoch++;
      for (const { socket, connection } of open.connections((c) => c.transcriptId === transcriptId && c.userId === userId)) applyRole(socket, connection, role);
    }),
    domainEvents.on('transcriptDeleted', ({ transcriptId }) => {
      epoch++;
      for (const { socket, connection } of open.connections((c) => c.transcriptId === transcriptId)) revoke(socket, connection, 'not_found', messages.deleted);
    }),
    domainEvents.on('sessionEnded', ({ sessionId }) => {
      epoch++;
      for (const { socket, joined } of open.sockets((s) => s.data.sessionId === sessionId)) endSocket(socket, joined);
    }),
    domainEvents.on('userSessionsEnded', ({ userId, keptSessionId }) => {
      epoch++;
      for (const { socket, joined } of open.sockets((s) => s.data.userId === userId && s.data.sessionId !== keptSessionId)) endSocket(socket, joined);
    }),
  ];

  let running: Promise<void> | null = null;
  const revalidate = async (): Promise<void> => {
    const startedAt = epoch;
    const snapshot = open.snapshot();
    if (snapshot.length === 0) return;
    const standing = await readStanding(prisma, snapshot);
    if (epoch !== startedAt) return;
    for (const { socket, joined } of snapshot) {
      if (!socket.connected) continue;
      if (!standing.sessionIds.has(socket.data.sessionId)) {
        endSocket(socket, joined);
        continue;
      }
      for (const { connection } of joined) {
        if (!open.isCurrent(socket, connection)) continue;
        if (!standing.transcriptIds.has(connection.transcriptId)) revoke(socket, connection, 'not_found', messages.deleted);
        else applyRole(socket, connection, standing.roles.get(membershipKey(connection.transcriptId, connection.userId)) ?? null);
      }
    }
  };
  const runOnce = (): Promise<void> => {
    running ??= revalidate()
      .catch((error: unknown) => logger.warn({ err: error }, 'revalidating live connections failed'))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.everyMs ?? 500);
  timer.unref();

  return {
    stop() {
      clearInterval(timer);
      for (const off of unsubscribe) off();
    },
  };
}

function applyRole(socket: VeritySocket, connection: SocketConnection, role: Role | null): void {
  if (role === null) revoke(socket, connection, 'forbidden', messages.removed);
  else connection.setRole(role);
}

function revoke(socket: VeritySocket, connection: SocketConnection, reason: 'forbidden' | 'not_found', message: string): void {
  connection.revoke(reason, message);
  // One socket per open transcript is the editor's model; another transcript on it simply reconnects.
  socket.disconnect(true);
}

function endSocket(socket: VeritySocket, joined: JoinedTranscript[]): void {
  for (const { connection } of joined) connection.revoke('unauthenticated', messages.signedOut);
  socket.disconnect(true);
}

const membershipKey = (transcriptId: string, userId: string) => `${transcriptId}:${userId}`;

/** What the database says now about every socket's session and every joined connection's membership. */
async function readStanding(prisma: PrismaClient, snapshot: { socket: VeritySocket; joined: JoinedTranscript[] }[]) {
  const connections = snapshot.flatMap(({ joined }) => joined.map(({ connection }) => connection));
  const transcriptIds = [...new Set(connections.map((c) => c.transcriptId))];
  const userIds = [...new Set(connections.map((c) => c.userId))];
  const [sessions, memberships, transcripts] = await Promise.all([
    prisma.session.findMany({ where: { id: { in: [...new Set(snapshot.map(({ socket }) => socket.data.sessionId))] }, expiresAt: { gt: new Date() } }, select: { id: true } }),
    transcriptIds.length === 0 ? [] : prisma.membership.findMany({ where: { transcriptId: { in: transcriptIds }, userId: { in: userIds } }, select: { transcriptId: true, userId: true, role: true } }),
    transcriptIds.length === 0 ? [] : prisma.transcript.findMany({ where: { id: { in: transcriptIds } }, select: { id: true } }),
  ]);
  return {
    sessionIds: new Set(sessions.map((s) => s.id)),
    transcriptIds: new Set(transcripts.map((t) => t.id)),
    roles: new Map<string, Role>(memberships.map((m) => [membershipKey(m.transcriptId, m.userId), m.role])),
  };
}
