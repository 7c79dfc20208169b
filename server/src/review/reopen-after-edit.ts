import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';

/**
 * An accepted edit to an approved transcript starts the next draft (approved → draft, recorded with
 * the editor as actor). It runs after every accepted edit, so it is one autocommitted statement: for
 * a transcript that is not approved the UPDATE matches nothing, locks nothing and inserts nothing.
 * The authoritative versions stay: they are rows of their own.
 */
export async function reopenAfterEdit(prisma: PrismaClient, options: { transcriptId: string; actorId: string | null }): Promise<boolean> {
  const reopened = await prisma.$queryRaw<{ id: bigint }[]>`
    WITH reopened AS (
      UPDATE "transcripts" SET "status" = 'draft' WHERE "id" = ${options.transcriptId}::uuid AND "status" = 'approved' RETURNING "id"
    )
    INSERT INTO "review_events" ("transcript_id", "action", "actor_id")
    SELECT "id", 'reopened', ${options.actorId}::uuid FROM reopened
    RETURNING "id"`;
  if (reopened.length !== 1) return false;
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['review'] });
  return true;
}
