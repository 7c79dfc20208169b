import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { maxFrameBytes } from '@verity/common';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { UserBudgets, type FairShareLimits } from './fair-share.ts';
import { authenticateSocket, isAllowedOrigin } from './authenticate-socket.ts';
import { handleLiveSocket } from './live-socket-handlers.ts';
import { OpenConnections } from './open-connections.ts';
import { keepConnectionsValid } from './revoke-connections.ts';
import { subscribePanels } from './subscribe-panels.ts';
import { subscribeReview } from './subscribe-review.ts';
import type { VerityServer } from './socket-types.ts';

/** Room for socket.io's own framing around a maximal frame, so the schema (not the transport) rejects it. */
const packetMarginBytes = 64 * 1024;

export interface Realtime {
  readonly liveSessions: LiveSessions;
  /** Disconnects everyone with 'server_shutdown', writes final checkpoints, stops socket.io. */
  close(): Promise<void>;
}

/** Starts live editing on the HTTP server: socket.io, Postgres-backed sessions, normalization. */
export function attachRealtime(options: {
  httpServer: HttpServer;
  prisma: PrismaClient;
  config: Config;
  logger: Logger;
  liveSessions?: LiveSessions;
  /** How often open connections are re-checked against the database (default 500 ms; see revoke-connections.ts). */
  revalidateEveryMs?: number;
  /** Per-connection limits (default fairShareLimits in fair-share.ts). */
  fairShare?: FairShareLimits;
}): Realtime {
  const { httpServer, prisma, config, logger } = options;
  const liveSessions = options.liveSessions ?? createLiveSessions(prisma);
  subscribeReview({ liveSessions, prisma, logger });
  liveSessions.events.on('checkpointFailed', ({ transcriptId, uptoSeq, error }) => logger.warn({ err: error, transcriptId, uptoSeq }, 'checkpoint failed'));
  liveSessions.events.on('normalizeFailed', ({ transcriptId, error }) => logger.error({ err: error, transcriptId }, 'normalization failed'));

  const io: VerityServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: maxFrameBytes + packetMarginBytes,
    allowRequest: (request, callback) => callback(null, isAllowedOrigin(request, config.publicUrl)),
  });
  io.use(authenticateSocket(prisma, config));
  const stopPanels = subscribePanels(io);
  const open = new OpenConnections();
  const revalidation = keepConnectionsValid({ prisma, open, logger, everyMs: options.revalidateEveryMs });
  const userBudgets = new UserBudgets(options.fairShare);
  io.on('connection', (socket) => handleLiveSocket(socket, { prisma, liveSessions, logger, open, userBudgets, limits: options.fairShare }));

  return {
    liveSessions,
    async close() {
      revalidation.stop();
      stopPanels();
      await liveSessions.closeAll('server_shutdown');
      // io.close() would also close the HTTP server, which index.ts shuts down itself.
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}
