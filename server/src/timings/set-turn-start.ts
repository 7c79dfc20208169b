import * as Y from 'yjs';
import { AppError, contentKey } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';

/**
 * Sets one turn's start time in the live document (the layout's `start` attribute, seconds). When the
 * turn's end would now fall before its start, the end is cleared rather than left contradicting it.
 */
export function setTurnStartInDoc(doc: Y.Doc, turnId: string, seconds: number | null): void {
  for (const op of doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText) || op.insert.getAttribute('type') !== 'turn' || op.insert.getAttribute('id') !== turnId) continue;
    op.insert.setAttribute('start', seconds);
    const end = op.insert.getAttribute('end') as unknown;
    if (seconds !== null && typeof end === 'number' && end < seconds) op.insert.setAttribute('end', null);
    return;
  }
  throw new AppError('not_found', 'No such turn in this transcript.');
}

/**
 * Times a turn at the playhead: one attributed change through the transcript's live session, so every
 * open editor sees it at once and history and blame name the person who set it.
 */
export async function setTurnStart(options: { liveSessions: LiveSessions; transcriptId: string; actorId: string; turnId: string; seconds: number | null }): Promise<void> {
  await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => setTurnStartInDoc(doc, options.turnId, options.seconds));
}
