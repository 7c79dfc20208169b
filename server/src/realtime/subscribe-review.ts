import type { Logger } from 'pino';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { systemUserId } from '../collab/system-user.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { reopenAfterEdit } from '../review/reopen-after-edit.ts';

/**
 * Wires the live document to the review workflow: an accepted edit to an approved transcript starts
 * the next draft. The server's own normalization follows someone's edit and is not counted.
 */
export function subscribeReview(options: { liveSessions: LiveSessions; prisma: PrismaClient; logger: Logger }): void {
  const { liveSessions, prisma, logger } = options;
  liveSessions.events.on('updateAccepted', ({ transcriptId, userId }) => {
    if (userId === systemUserId) return;
    reopenAfterEdit(prisma, { transcriptId, actorId: userId }).catch((error: unknown) => logger.error({ err: error, transcriptId }, 'reopening the draft failed'));
  });
}
