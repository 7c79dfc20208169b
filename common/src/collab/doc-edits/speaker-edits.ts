import type * as Y from 'yjs';
import { updateSpeakerRequestSchema, type UpdateSpeakerRequest } from '../../api/speakers.schemas.ts';
import { AppError } from '../../errors.ts';
import type { Speaker } from '../../transcript/transcript.schema.ts';
import { liveBlocks, readRosterSpeaker, rosterOf } from './doc-blocks.ts';

/**
 * Adds a speaker to the roster (label and display name both `displayName`, as a captioner would
 * write it). The id is the caller's (the editor makes a UUID), so the caller can attribute a turn to it
 * in the same step. Refuses an id already in the roster (conflict) and a blank name.
 */
export function addSpeakerToDoc(doc: Y.Doc, speaker: { id: string; displayName: string }, origin: unknown = null): Speaker {
  const displayName = speaker.displayName.trim();
  if (displayName === '' || displayName.length > 200) throw new AppError('validation_failed', 'displayName: a speaker needs a name of at most 200 characters.');
  if (rosterOf(doc).has(speaker.id)) throw new AppError('conflict', `This transcript already has a speaker "${speaker.id}".`);
  const added: Speaker = { id: speaker.id, label: displayName, displayName, role: null, affiliation: null, isGeneric: false };
  doc.transact(() => rosterOf(doc).set(speaker.id, added), origin);
  return added;
}

/**
 * Renames or describes one roster entry. The display name lives once, in the roster, so every turn
 * shows the new name at once; the captioner's `label` stays as written (CART export keeps it).
 * `null` or '' clears role/affiliation; absent fields stay. Writes nothing when nothing changes.
 */
export function updateSpeakerInDoc(doc: Y.Doc, speakerId: string, request: UpdateSpeakerRequest, origin: unknown = null): Speaker {
  // Checked here too, not only at the HTTP boundary: the client calls this on its own copy.
  const parsed = updateSpeakerRequestSchema.safeParse(request);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)[0]!);
  const changes = parsed.data;
  const current = readRosterSpeaker(doc, speakerId);
  const updated: Speaker = { ...current };
  if (changes.displayName !== undefined) updated.displayName = changes.displayName;
  if (changes.role !== undefined) updated.role = changes.role || null;
  if (changes.affiliation !== undefined) updated.affiliation = changes.affiliation || null;
  if (JSON.stringify(updated) !== JSON.stringify(current)) doc.transact(() => rosterOf(doc).set(speakerId, updated), origin);
  return updated;
}

/**
 * Merges duplicate speakers: every turn of the `from` speakers is reassigned to `into` and they leave
 * the roster, all in one transaction with `origin` (history shows one change, the editor's undo
 * reverts it as one step). Every id is checked before anything is written. Returns the turns reassigned.
 */
export function mergeSpeakersInDoc(doc: Y.Doc, into: string, from: readonly string[], origin: unknown = null): number {
  readRosterSpeaker(doc, into);
  const sources = new Set(from.filter((id) => id !== into));
  if (sources.size === 0) throw new AppError('validation_failed', 'from: name at least one other speaker to merge.');
  for (const id of sources) readRosterSpeaker(doc, id);
  let reassigned = 0;
  doc.transact(() => {
    for (const { block } of liveBlocks(doc)) {
      const speakerId = block.getAttribute('speakerId') as unknown;
      if (block.getAttribute('type') !== 'turn' || typeof speakerId !== 'string' || !sources.has(speakerId)) continue;
      block.setAttribute('speakerId', into);
      reassigned++;
    }
    const roster = rosterOf(doc);
    for (const id of sources) roster.delete(id);
  }, origin);
  return reassigned;
}
