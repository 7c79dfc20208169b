import { setTurnStartInDoc } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';

/**
 * Times a turn at the playhead: one attributed change through the transcript's live session, so every
 * open editor sees it at once and history and blame name the person who set it.
 */
export async function setTurnStart(options: { liveSessions: LiveSessions; transcriptId: string; actorId: string; turnId: string; seconds: number | null }): Promise<void> {
  await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => setTurnStartInDoc(doc, options.turnId, options.seconds));
}
