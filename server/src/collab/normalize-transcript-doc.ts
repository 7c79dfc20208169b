import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { contentKey, speakersKey } from '@verity/common';

/**
 * The server's structural cleanup of a live transcript (LiveSession's `normalize` hook; clients never
 * repair structure, so two of them cannot race to apply the same fix twice). Idempotent, and it only
 * touches block attributes, never text, so it cannot move or lose anyone's words:
 * - every block has a string id, unique in the document: a split on a client copies the id into the
 *   new (second) block, which gets a fresh one; the first in reading order keeps it;
 * - every turn has `speakerId`, `start` and `end` keys, and a `speakerId` the roster no longer has
 *   (removed while someone relabelled a turn) becomes null, unattributed rather than dangling;
 * - the document is never left without a block (two people clearing it at once can remove both
 *   survivors): it gets one empty unattributed turn.
 * Empty notes are left alone: one is what a person sees right after creating a note, and deleting it
 * under their cursor would send their typing elsewhere; blocksToTranscript drops empty notes instead.
 */
export function normalizeTranscriptDoc(doc: Y.Doc): void {
  const content = doc.get(contentKey, Y.XmlText);
  const speakers = doc.getMap(speakersKey);
  const seenIds = new Set<string>();
  let blockCount = 0;
  for (const op of content.toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const block = op.insert;
    blockCount++;
    const id = block.getAttribute('id') as unknown;
    if (typeof id === 'string' && id !== '' && !seenIds.has(id)) {
      seenIds.add(id);
    } else {
      const freshId = randomUUID();
      seenIds.add(freshId);
      block.setAttribute('id', freshId);
    }
    if (block.getAttribute('type') === 'turn') normalizeTurn(block, speakers);
  }
  if (blockCount === 0) {
    const turn = new Y.XmlText();
    content.insertEmbed(0, turn);
    for (const [key, value] of Object.entries({ type: 'turn', id: randomUUID(), speakerId: null, start: null, end: null })) turn.setAttribute(key, value);
  }
}

function normalizeTurn(turn: Y.XmlText, speakers: Y.Map<unknown>): void {
  const speakerId = turn.getAttribute('speakerId') as unknown;
  if (speakerId === undefined || (speakerId !== null && (typeof speakerId !== 'string' || !speakers.has(speakerId)))) {
    turn.setAttribute('speakerId', null);
  }
  for (const key of ['start', 'end']) {
    if (turn.getAttribute(key) === undefined) turn.setAttribute(key, null);
  }
}
