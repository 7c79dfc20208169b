import * as Y from 'yjs';
import { AppError, contentKey, speakerSchema, speakersKey, type Speaker, type UpdateSpeakerRequest } from '@verity/common';

/** The roster entry for an id, or not_found. */
function readSpeaker(doc: Y.Doc, speakerId: string): Speaker {
  const parsed = speakerSchema.safeParse(doc.getMap<unknown>(speakersKey).get(speakerId));
  if (!parsed.success) throw new AppError('not_found', `This transcript has no speaker "${speakerId}".`);
  return parsed.data;
}

/**
 * Rewrites one roster entry. The display name lives once, in the Y.Map, so every turn shows the new
 * name at once; the captioner's `label` stays as written (CART export keeps the source's label).
 */
export function updateSpeakerInDoc(doc: Y.Doc, speakerId: string, changes: UpdateSpeakerRequest): Speaker {
  const updated: Speaker = { ...readSpeaker(doc, speakerId) };
  if (changes.displayName !== undefined) updated.displayName = changes.displayName;
  if (changes.role !== undefined) updated.role = changes.role || null;
  if (changes.affiliation !== undefined) updated.affiliation = changes.affiliation || null;
  doc.getMap<unknown>(speakersKey).set(speakerId, updated);
  return updated;
}

/**
 * Reassigns every turn of the `from` speakers to `into` and removes them from the roster, in one
 * transaction (the caller's), so history shows one change. Returns the number of turns reassigned.
 */
export function mergeSpeakersInDoc(doc: Y.Doc, into: string, from: readonly string[]): number {
  readSpeaker(doc, into);
  const sources = new Set(from.filter((id) => id !== into));
  if (sources.size === 0) throw new AppError('validation_failed', 'from: name at least one other speaker to merge.');
  for (const id of sources) readSpeaker(doc, id);
  let reassigned = 0;
  for (const op of doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const speakerId = op.insert.getAttribute('speakerId') as unknown;
    if (typeof speakerId === 'string' && sources.has(speakerId)) {
      op.insert.setAttribute('speakerId', into);
      reassigned++;
    }
  }
  const roster = doc.getMap<unknown>(speakersKey);
  for (const id of sources) roster.delete(id);
  return reassigned;
}
