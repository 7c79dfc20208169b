import type { Logger } from 'pino';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { systemUserId } from '../collab/system-user.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { reopenAfterEdit } from '../review/reopen-after-edit.ts';

/**
 * Wires the live document to the review workflow: an accepted edit to an approved transcript starts
 * the next draft. The server's own normalization follows someone's edit and is not counted. One check
 * per transcript runs at a time: edits accepted meanwhile get one more check after it, with the latest
 * editor as actor, so a busy room costs a statement per round trip rather than one per keystroke.
 */
export function subscribeReview(options: { liveSessions: LiveSessions; prisma: PrismaClient; logger: Logger }): void {
  const { liveSessions, prisma, logger } = options;
  /** Transcripts with a check running → the editor of the latest edit since it started (null: none). */
  const running = new Map<string, string | null>();
  const check = (transcriptId: string, actorId: string) => {
    if (running.has(transcriptId)) return void running.set(transcriptId, actorId);
    running.set(transcriptId, null);
    reopenAfterEdit(prisma, { transcriptId, actorId })
      .catch((error: unknown) => logger.error({ err: error, transcriptId }, 'reopening the draft failed'))
      .finally(() => {
        const next = running.get(transcriptId);
        running.delete(transcriptId);
        if (next) check(transcriptId, next);
      });
  };
  liveSessions.events.on('updateAccepted', ({ transcriptId, userId }) => {
    if (userId !== systemUserId) check(transcriptId, userId);
  });
}
