import { slateNodesToInsertDelta } from '@slate-yjs/core';
import * as Y from 'yjs';
import { transcriptMetadataSchema, type Speaker, type Transcript } from '../../transcript/transcript.schema.ts';
import { blocksToTranscript, transcriptToBlocks } from '../transcript-blocks.ts';
import { contentKey, metadataKey, speakersKey, type TranscriptBlock } from '../transcript-nodes.ts';

const emptyMetadata = transcriptMetadataSchema.parse({});

/**
 * Makes the live document hold `target` (a whole-version restore) with as few changes as it can:
 * blocks equal on both sides are left alone (their words keep their authors), a differing block
 * with the same id is rewritten in place, and the rest is replaced. Roster and metadata follow.
 */
export function writeTranscriptToDoc(doc: Y.Doc, target: Transcript, origin: unknown = null): void {
  doc.transact(() => writeWhole(doc, target), origin);
}

function writeWhole(doc: Y.Doc, target: Transcript): void {
  const root = doc.get(contentKey, Y.XmlText);
  const current = liveBlocks(root);
  const wanted = transcriptToBlocks(target);
  const currentKeys = current.map(({ element }) => blockKey(element));
  const wantedKeys = wanted.map(blockKey);
  let head = 0;
  while (head < currentKeys.length && head < wantedKeys.length && currentKeys[head] === wantedKeys[head]) head++;
  let tail = 0;
  while (tail < currentKeys.length - head && tail < wantedKeys.length - head && currentKeys[currentKeys.length - 1 - tail] === wantedKeys[wantedKeys.length - 1 - tail]) tail++;
  const middleCurrent = current.slice(head, current.length - tail);
  const middleWanted = wanted.slice(head, wanted.length - tail);
  const isSameShape = middleCurrent.length === middleWanted.length && middleCurrent.every(({ element }, k) => element.id === middleWanted[k]!.id && element.type === middleWanted[k]!.type);
  if (isSameShape) {
    middleCurrent.forEach(({ block, element }, k) => {
      if (blockKey(element) !== blockKey(middleWanted[k]!)) rewriteBlock(block, middleWanted[k]!);
    });
  } else {
    root.delete(head, middleCurrent.length);
    root.applyDelta([...(head > 0 ? [{ retain: head }] : []), ...slateNodesToInsertDelta(middleWanted as never)], { sanitize: false });
  }
  writeRoster(doc, target.speakers, true);
  const metadata = doc.getMap<unknown>(metadataKey);
  for (const [key, value] of Object.entries(target.metadata)) if (JSON.stringify(metadata.get(key)) !== JSON.stringify(value)) metadata.set(key, value);
}

/**
 * Puts one turn of `source` back as it was there: rewritten in place when the document still has a
 * block with its id, else inserted after the nearest earlier turn of `source` the document still has.
 * Its speaker is added to the roster if the roster lost it. Returns false when `source` has no such turn.
 */
export function writeTurnToDoc(doc: Y.Doc, source: Transcript, turnId: string, origin: unknown = null): boolean {
  let isWritten = false;
  doc.transact(() => {
    isWritten = writeOneTurn(doc, source, turnId);
  }, origin);
  return isWritten;
}

function writeOneTurn(doc: Y.Doc, source: Transcript, turnId: string): boolean {
  const index = source.turns.findIndex((turn) => turn.id === turnId);
  const turn = source.turns[index];
  if (!turn) return false;
  const root = doc.get(contentKey, Y.XmlText);
  const wanted = transcriptToBlocks({ ...source, turns: [turn], notes: [] })[0]!;
  const current = liveBlocks(root);
  const existing = current.find(({ element }) => element.id === turnId);
  const speaker = source.speakers.find((candidate) => candidate.id === turn.speakerId);
  if (speaker) writeRoster(doc, [speaker], false);
  if (existing) {
    if (blockKey(existing.element) !== blockKey(wanted)) rewriteBlock(existing.block, wanted);
    return true;
  }
  let position = 0;
  for (let k = index - 1; k >= 0; k--) {
    const found = current.findIndex(({ element }) => element.id === source.turns[k]!.id);
    if (found >= 0) {
      position = found + 1;
      break;
    }
  }
  root.applyDelta([...(position > 0 ? [{ retain: position }] : []), ...slateNodesToInsertDelta([wanted] as never)], { sanitize: false });
  return true;
}

function liveBlocks(root: Y.XmlText): { block: Y.XmlText; element: TranscriptBlock }[] {
  return (root.toDelta() as { insert: unknown }[])
    .filter((op): op is { insert: Y.XmlText } => op.insert instanceof Y.XmlText)
    .map(({ insert }) => ({ block: insert, element: readBlock(insert) }));
}

function readBlock(block: Y.XmlText): TranscriptBlock {
  const attributes = block.getAttributes() as Record<string, unknown>;
  const children = liveChildren(block);
  return { ...attributes, children } as unknown as TranscriptBlock;
}

/** The block's children as Slate leaves and event chips (what @slate-yjs would produce). */
function liveChildren(block: Y.XmlText): unknown[] {
  return (block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).map((op) =>
    op.insert instanceof Y.XmlText ? { ...(op.insert.getAttributes() as object), children: [{ text: '' }] } : { ...(op.attributes ?? {}), text: op.insert },
  );
}

/** Equal keys mean equal content: the block read as a transcript (leaf splits do not matter). */
function blockKey(block: TranscriptBlock): string {
  if (block.type === 'note') return JSON.stringify(['note', block.id, block.children.map((leaf) => leaf.text).join('')]);
  const roster: Speaker[] = block.speakerId ? [{ id: block.speakerId, label: '', displayName: '', role: null, affiliation: null, isGeneric: false }] : [];
  const turn = blocksToTranscript([block], roster, emptyMetadata).turns[0];
  return JSON.stringify(['turn', block.id, block.speakerId ?? null, block.start ?? null, block.end ?? null, turn?.content ?? []]);
}

/** Rewrites one block in place: attributes that differ, and its children when the content differs. */
function rewriteBlock(block: Y.XmlText, wanted: TranscriptBlock): void {
  const { children, ...attributes } = wanted;
  for (const [key, value] of Object.entries(attributes)) if (block.getAttribute(key) !== value) block.setAttribute(key, value as never);
  const currentContent = blockKey({ ...(readBlock(block) as object), ...attributes } as TranscriptBlock);
  if (currentContent === blockKey(wanted)) return;
  block.delete(0, block.length);
  block.applyDelta(slateNodesToInsertDelta(children as never), { sanitize: false });
}

function writeRoster(doc: Y.Doc, speakers: readonly Speaker[], isWhole: boolean): void {
  const roster = doc.getMap<unknown>(speakersKey);
  for (const speaker of speakers) if (JSON.stringify(roster.get(speaker.id)) !== JSON.stringify(speaker)) roster.set(speaker.id, { ...speaker });
  if (!isWhole) return;
  const keep = new Set(speakers.map((speaker) => speaker.id));
  for (const key of [...roster.keys()]) if (!keep.has(key)) roster.delete(key);
}
