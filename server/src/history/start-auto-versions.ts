import type { Logger } from 'pino';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { AutoVersions } from './auto-versions.ts';
import { createVersion } from './create-version.ts';

/** Automatic `auto` versions for every live transcript, attributed to the last person who edited. */
export function startAutoVersions(options: { prisma: PrismaClient; liveSessions: LiveSessions; logger: Logger; idleMs: number; maxMs: number }): AutoVersions {
  const { prisma, liveSessions, logger } = options;
  return new AutoVersions({
    liveSessions,
    idleMs: options.idleMs,
    maxMs: options.maxMs,
    snapshot: (transcriptId, actorId) => createVersion({ prisma, liveSessions, transcriptId, kind: 'auto', actorId }),
    onError: (error, transcriptId) => logger.error({ err: error, transcriptId }, 'automatic version failed'),
  });
}
