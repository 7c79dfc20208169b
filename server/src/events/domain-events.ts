import type { LiveTopic, Role } from '@verity/common';
import { TypedEmitter } from '../collab/typed-emitter.ts';

/**
 * What domain code announces after its transaction commits, for whoever must react at once (the
 * realtime layer re-checks open connections). Payloads say what is now true, so a subscriber can act
 * without reading the database again. Only this process hears them: another process (the CLI) changes
 * the same rows, which the realtime layer's periodic revalidation picks up.
 */
export interface DomainEvents {
  /** A member's role on a transcript is now `role`, or they are no longer a member (`null`). */
  membershipChanged: { transcriptId: string; userId: string; role: Role | null };
  /** The transcript and every membership on it are gone. */
  transcriptDeleted: { transcriptId: string };
  /** One sign-in session ended (logout); `sessionId` is the stored id (the token's hash). */
  sessionEnded: { sessionId: string };
  /** Every session of a user ended except `keptSessionId` (password change keeps the one that made it). */
  userSessionsEnded: { userId: string; keptSessionId: string | null };
  /** What people looking at the transcript see changed: its review state, its versions (the panels follow). */
  transcriptChanged: { transcriptId: string; topics: LiveTopic[] };
}

/** The process's one domain event bus; emit only after the change is committed. */
export const domainEvents = new TypedEmitter<DomainEvents>((error) => console.error('a domain event subscriber failed', error));
