import * as Y from 'yjs';
import { AppError } from '../../errors.ts';
import { speakerSchema, type Speaker } from '../../transcript/transcript.schema.ts';
import { contentKey, isBlockId, speakersKey } from '../transcript-nodes.ts';

/** The live document's turn and note blocks with valid ids, in reading order (what the edits address). */
export function liveBlocks(doc: Y.Doc): { id: string; block: Y.XmlText }[] {
  const blocks: { id: string; block: Y.XmlText }[] = [];
  for (const op of doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const type = op.insert.getAttribute('type') as unknown;
    const id = op.insert.getAttribute('id') as unknown;
    if ((type === 'turn' || type === 'note') && isBlockId(id)) blocks.push({ id, block: op.insert });
  }
  return blocks;
}

/** The turn block with this id, or not_found. */
export function findTurnBlock(doc: Y.Doc, turnId: string): Y.XmlText {
  const found = liveBlocks(doc).find(({ id, block }) => id === turnId && block.getAttribute('type') === 'turn');
  if (!found) throw new AppError('not_found', 'No such turn in this transcript.');
  return found.block;
}

/** The roster (Y.Map speaker id → Speaker JSON). */
export function rosterOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(speakersKey);
}

/** The roster entry for an id, or not_found. */
export function readRosterSpeaker(doc: Y.Doc, speakerId: string): Speaker {
  const parsed = speakerSchema.safeParse(rosterOf(doc).get(speakerId));
  if (!parsed.success) throw new AppError('not_found', `This transcript has no speaker "${speakerId}".`);
  return parsed.data;
}
