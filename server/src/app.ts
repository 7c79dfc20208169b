import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createLiveSessions } from './collab/create-live-sessions.ts';
import type { LiveSessions } from './collab/live-sessions.ts';
import type { Config } from './config.ts';
import type { PrismaClient } from './db/prisma.ts';
import { authRoutes } from './http/auth.routes.ts';
import { loadSession } from './http/authentication.ts';
import { clientAssetRoutes } from './http/client-assets.ts';
import { commentRoutes } from './http/comments.routes.ts';
import { correctionRoutes } from './http/corrections.routes.ts';
import { parseCookies } from './http/cookies.ts';
import { csrfProtection } from './http/csrf.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { exportRoutes } from './http/export.routes.ts';
import { healthRoutes } from './http/health.routes.ts';
import { glossaryRoutes, transcriptGlossaryRoutes } from './http/glossary.routes.ts';
import { historyRoutes } from './http/history.routes.ts';
import { importRoutes } from './http/imports.routes.ts';
import './http/locals.ts';
import { invitationRoutes, transcriptInvitationRoutes } from './http/invitations.routes.ts';
import { mediaRoutes } from './http/media.routes.ts';
import { memberRoutes } from './http/members.routes.ts';
import { noStore } from './http/no-store.ts';
import { queueRoutes } from './http/queue.routes.ts';
import { reviewRoutes } from './http/review.routes.ts';
import { speakerRoutes } from './http/speakers.routes.ts';
import { transcriptRoutes } from './http/transcripts.routes.ts';
import { createParsePool, type ParsePool } from './imports/parse-pool.ts';
import { createDiskMediaStore } from './media/disk-media-store.ts';
import type { MediaStore } from './media/media-store.ts';

/** The largest JSON request body: 64 KiB, far above any real request, parsed in a few milliseconds at worst. */
export const jsonBodyLimitBytes = 64 * 1024;

/** The built client, served by the same process so one port is all a user needs. */
const defaultClientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** Builds the Express app; start-up (database, listening, realtime) lives in index.ts, so tests use this as-is. */
export function createApp(options: { prisma: PrismaClient; config: Config; logger: Logger; liveSessions?: LiveSessions; parsePool?: ParsePool; mediaStore?: MediaStore; clientDist?: string }): Express {
  const { prisma, config, logger } = options;
  const clientDist = options.clientDist ?? defaultClientDist;
  // index.ts shares one registry with realtime; tests get their own.
  const liveSessions = options.liveSessions ?? createLiveSessions(prisma);
  // index.ts closes its pool on shutdown; a test's own pool starts workers only if it imports, and they exit when idle.
  const parsePool = options.parsePool ?? createParsePool({ size: config.importParseWorkers, timeoutMs: config.importParseTimeoutMs, timeoutPerMbMs: config.importParseMsPerMb });
  const mediaStore = options.mediaStore ?? createDiskMediaStore(path.join(config.dataDir, 'media'));
  const context = { prisma, config, liveSessions, parsePool, mediaStore };
  const app = express();
  app.disable('x-powered-by');
  if (config.isBehindProxy) app.set('trust proxy', 1);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
      // One line per request: who asked what and how it went, not every header.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      hsts: config.hasSecureCookies,
      contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': config.hasSecureCookies ? [] : null } },
    }),
  );
  app.use('/healthz', noStore);
  app.use(healthRoutes(context));

  const api = express.Router();
  api.use(noStore);
  // API bodies are small (titles, comments, roles); the bound keeps parsing hostile JSON (deep nesting, huge arrays) to milliseconds.
  api.use(express.json({ limit: jsonBodyLimitBytes }));
  api.use(parseCookies);
  api.use(csrfProtection({ isSecure: config.hasSecureCookies }));
  api.use(loadSession(prisma, { ttlMs: config.sessionTtlMs }));
  api.use(authRoutes(context));
  api.use('/transcripts', transcriptRoutes(context));
  api.use('/transcripts/:id', memberRoutes(context));
  api.use('/transcripts/:id/invitations', transcriptInvitationRoutes(context));
  api.use('/transcripts/:id', historyRoutes(context));
  api.use('/transcripts/:id/review', reviewRoutes(context));
  api.use('/transcripts/:id/speakers', speakerRoutes(context));
  api.use('/transcripts/:id/comments', commentRoutes(context));
  api.use('/transcripts/:id/glossaries', transcriptGlossaryRoutes(context));
  api.use('/transcripts/:id/corrections', correctionRoutes(context));
  api.use('/transcripts/:id/queue', queueRoutes(context));
  api.use('/transcripts/:id/export', exportRoutes(context));
  api.use('/transcripts/:id/media', mediaRoutes(context));
  api.use('/glossaries', glossaryRoutes(context));
  api.use('/imports', importRoutes(context));
  api.use('/invitations', invitationRoutes(context));
  api.use(apiNotFound);
  app.use('/api', api);

  if (existsSync(clientDist)) app.use(clientAssetRoutes(clientDist));
  app.use(errorHandler);
  return app;
}
