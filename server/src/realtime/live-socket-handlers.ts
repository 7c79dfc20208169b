import type { Logger } from 'pino';
import { docFrameSchema, isAppError, joinRequestSchema, type DocAck, type ErrorCode, type JoinAck } from '@verity/common';
import type { ReceiveResult, RejectReason } from '../collab/live-session-types.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { requireTranscriptAccess } from '../transcripts/transcript-access.ts';
import { FairShare, isUpdateFrame, type Admission, type FairShareLimits, type UserBudgets } from './fair-share.ts';
import type { OpenConnections } from './open-connections.ts';
import { closeSocket, SocketConnection } from './socket-connection.ts';
import type { VeritySocket } from './socket-types.ts';

const rejectCodes: Record<RejectReason, ErrorCode> = {
  forbidden: 'forbidden',
  malformed_message: 'bad_request',
  invalid_update: 'validation_failed',
  foreign_client: 'forbidden',
  not_joined: 'bad_request',
  session_closed: 'conflict',
  store_failed: 'internal',
  internal: 'internal',
};

type Ack<T> = (response: T) => void;
const fail = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });
/** A client may emit without an ack callback; replying must not crash the handler then. */
const ackOf = <T>(ack: unknown): Ack<T> => (typeof ack === 'function' ? (ack as Ack<T>) : () => {});

/**
 * The live-editing events of one authenticated socket: validate, authorize, hand bytes to the
 * transcript's LiveSession, answer. A socket may join several transcripts; each is one Connection.
 */
export function handleLiveSocket(
  socket: VeritySocket,
  context: { prisma: PrismaClient; liveSessions: LiveSessions; logger: Logger; open: OpenConnections; userBudgets: UserBudgets; limits?: FairShareLimits },
): void {
  // Registered so revocations (revoke-connections.ts) find this socket's connections.
  const joined = context.open.add(socket);
  const { userId } = socket.data;
  const share = new FairShare(context.limits, undefined, context.userBudgets.of(userId));
  /** Refused over the fair share: the typed ack, or for a client that keeps at it, the end of the socket. */
  const overShare = (admission: Exclude<Admission, 'admit'>, ack: (response: ReturnType<typeof fail>) => void, what: string) => {
    ack(fail('rate_limited', `Too many ${what} from this connection; this one was not handled.`));
    if (admission === 'disconnect') {
      for (const { connection } of joined.values()) connection.revoke('rate_limited', 'This connection kept sending far more than one editor can and was closed.');
      socket.disconnect(true);
      stopReading(socket);
    }
  };

  socket.on('join', async (request, rawAck) => {
    const ack = ackOf<JoinAck>(rawAck);
    const parsed = joinRequestSchema.safeParse(request);
    if (!parsed.success) return ack(fail('bad_request', 'join needs a transcriptId'));
    // Canonical (lower-case) already: the schema parses it once, so one transcript is one session.
    const { transcriptId } = parsed.data;
    const admission = share.admitJoin();
    if (admission !== 'admit') return overShare(admission, ack, 'joins');
    try {
      const access = await requireTranscriptAccess(context.prisma, { transcriptId, userId, permission: 'read' });
      if (!joined.has(transcriptId)) {
        const connection = new SocketConnection(socket, access.transcriptId, userId, access.role, socket.data.displayName);
        // The session sends its handshake frames right away: they reach the client before this ack.
        // Keyed by the authorized id (the membership row's), never by what the client wrote.
        const session = await context.liveSessions.join(access.transcriptId, connection);
        if (socket.disconnected) return session.leave(connection);
        joined.set(transcriptId, { session, connection });
      }
      ack({ ok: true, role: access.role, userId });
    } catch (error) {
      if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) {
        ack(fail(error.code, error.message));
        return closeSocket(socket, transcriptId, error.code, error.message);
      }
      context.logger.error({ err: error, transcriptId }, 'live join failed');
      ack(fail('internal', 'The transcript could not be opened.'));
    }
  });

  socket.on('doc', async (frame, rawAck) => {
    // Closed (a flood still arriving in the same read): nothing to answer, nothing to spend on it.
    if (socket.disconnected) return;
    const ack = ackOf<DocAck>(rawAck);
    const parsed = docFrameSchema.safeParse(frame);
    if (!parsed.success) return ack(fail('bad_request', parsed.error.issues[0]?.message ?? 'malformed frame'));
    const entry = joined.get(parsed.data.transcriptId);
    if (!entry) return ack(fail('bad_request', 'Join the transcript before sending to it.'));
    const { frame: bytes } = parsed.data;
    if (!isUpdateFrame(bytes)) {
      const admission = share.admitFrame(bytes);
      if (admission !== 'admit') return overShare(admission, ack, 'sync requests or presence updates');
    } else if (!(await share.awaitUpdateTurn(bytes.byteLength))) {
      return overShare('disconnect', ack, 'document updates');
    }
    const result = await entry.session.receive(entry.connection, parsed.data.frame);
    ack(presentReceiveResult(result));
    // store_failed: the sender holds an edit we lack; malformed_message: its copy holds one we refused.
    if (result.kind === 'rejected' && result.close) entry.connection.close(result.close);
  });

  socket.on('leave', (request) => {
    const parsed = joinRequestSchema.safeParse(request);
    const entry = parsed.success ? joined.get(parsed.data.transcriptId) : undefined;
    if (!entry) return;
    joined.delete(entry.connection.transcriptId);
    entry.session.leave(entry.connection);
  });

  socket.on('disconnect', () => {
    context.open.remove(socket);
    for (const { session, connection } of joined.values()) session.leave(connection);
    joined.clear();
  });
}

/**
 * After closing an abusive connection, stops reading from it: thousands of frames it already sent
 * would otherwise still be parsed, at everyone else's expense. What we wrote (the `closed` event)
 * still goes out; the TCP connection is dropped a moment later.
 */
function stopReading(socket: VeritySocket): void {
  if (socket.conn.transport.name !== 'websocket') return;
  const tcp = socket.request.socket;
  tcp.pause();
  setTimeout(() => tcp.destroy(), 1_000).unref();
}

/** The ack for one received frame: ok once stored (with its seq), else the error shape. */
function presentReceiveResult(result: ReceiveResult): DocAck {
  if (result.kind === 'handled') return { ok: true };
  if (result.kind === 'accepted') return result.isDuplicate ? { ok: true } : { ok: true, seq: result.seq };
  return fail(rejectCodes[result.reason], result.message);
}
