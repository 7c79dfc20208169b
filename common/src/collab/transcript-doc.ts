import { slateNodesToInsertDelta } from '@slate-yjs/core';
import * as Y from 'yjs';
import { speakerSchema, transcriptMetadataSchema } from '../transcript/transcript.schema.ts';
import type { Speaker, Transcript } from '../transcript/transcript.schema.ts';
import { blocksToTranscript, transcriptToBlocks } from './transcript-blocks.ts';
import { contentKey, elementAttributes, isBlockId, markAttributes, metadataKey, speakersKey } from './transcript-nodes.ts';
import type { EventElement, TranscriptBlock, TranscriptText } from './transcript-nodes.ts';

/**
 * A new Y.Doc holding the transcript in the live layout (transcript-nodes.ts), written in one
 * transaction. Only the server builds documents this way (the seed checkpoint); clients start empty
 * and sync, since two independently built copies would merge into a doubled document.
 */
export function createTranscriptDoc(transcript: Transcript): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const content = doc.get(contentKey, Y.XmlText);
    // The blocks are plain Slate nodes, which is exactly what @slate-yjs converts.
    content.applyDelta(slateNodesToInsertDelta(transcriptToBlocks(transcript) as never), { sanitize: false });
    const speakers = doc.getMap<Speaker>(speakersKey);
    for (const speaker of transcript.speakers) speakers.set(speaker.id, { ...speaker });
    // One key per field, so two people editing different fields both keep their change.
    const metadata = doc.getMap<unknown>(metadataKey);
    for (const [key, value] of Object.entries(transcript.metadata)) metadata.set(key, value);
  });
  return doc;
}

/**
 * The live document's blocks, as @slate-yjs presents them to the editor, read totally: whatever a
 * stored document holds (one written before the server checked updates), nothing here throws. What
 * is outside the layout is left out (stray text, foreign embeds, unknown attributes, invalid values
 * read as null), and ids are made valid and unique (`<id>-<n>`), so the result is a valid transcript.
 */
export function readTranscriptBlocks(doc: Y.Doc): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  const seenIds = new Set<string>();
  for (const op of doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const block = readTranscriptBlock(op.insert);
    if (!block) continue;
    let id = block.id;
    for (let n = blocks.length; seenIds.has(id); n++) id = `${block.id}-${n}`;
    seenIds.add(id);
    blocks.push(id === block.id ? block : { ...block, id });
  }
  return blocks;
}

/**
 * True when the document holds a shared type the editor's @slate-yjs binding cannot convert (it calls
 * toDelta on every embed, so a Y.Map or Y.Array where a block or chip belongs throws). The server never
 * sends one (it refuses such updates and repairs old documents on load); the editor checks anyway,
 * once, before binding, so a bad document is reported instead of crashing the page. O(document).
 */
export function hasUnbindableContent(doc: Y.Doc): boolean {
  // What toDelta would yield, read off the items: strings and formats bind; an embedded value or type
  // (a delta insert that is not a string) must be an XmlText, nested at most 3 deep. Walking the items
  // builds no delta: a 4-hour transcript is checked without copying its text (the editor opens after).
  const isBindable = (text: Y.XmlText, depth: number): boolean => {
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType || item.content instanceof Y.ContentEmbed)) continue;
      const insert: unknown = item.content.getContent()[0];
      if (!(insert instanceof Y.XmlText && depth < 3 && isBindable(insert, depth + 1))) return false;
    }
    return true;
  };
  return !isBindable(doc.get(contentKey, Y.XmlText), 0);
}

/** One block (a Y.XmlText in the root) read totally; null for one that is neither a turn nor a note. */
export function readTranscriptBlock(block: Y.XmlText): TranscriptBlock | null {
  const kind = block.getAttribute('type') as unknown;
  if (kind !== 'turn' && kind !== 'note') return null;
  const rawId = block.getAttribute('id') as unknown;
  const id = isBlockId(rawId) ? rawId : 'block';
  const children: (TranscriptText | EventElement)[] = [];
  for (const op of block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert === 'string') children.push(readLeaf(op.insert, op.attributes));
    else if (kind === 'turn' && op.insert instanceof Y.XmlText) {
      const event = readEvent(op.insert);
      if (event) children.push(event);
    }
  }
  if (children.length === 0) children.push({ text: '' });
  if (kind === 'note') return { type: 'note', id, children: children as TranscriptText[] };
  const attribute = (key: 'speakerId' | 'start' | 'end') => {
    const value = block.getAttribute(key) as unknown;
    return value !== undefined && elementAttributes.turn[key]!(value) ? value : null;
  };
  const start = attribute('start') as number | null;
  let end = attribute('end') as number | null;
  if (start !== null && end !== null && end < start) end = null;
  return { type: 'turn', id, speakerId: attribute('speakerId') as string | null, start, end, children };
}

function readLeaf(text: string, attributes: Record<string, unknown> = {}): TranscriptText {
  const leaf: TranscriptText = { text };
  const { uncertain, isMarkerOnly } = attributes;
  if (typeof uncertain === 'string' && markAttributes.uncertain!(uncertain)) leaf.uncertain = uncertain;
  if (isMarkerOnly === true && leaf.uncertain) leaf.isMarkerOnly = true;
  return leaf;
}

function readEvent(chip: Y.XmlText): EventElement | null {
  const { type, label, raw } = chip.getAttributes() as Record<string, unknown>;
  if (type !== 'event' || !elementAttributes.event.label!(label) || !elementAttributes.event.raw!(raw)) return null;
  return { type: 'event', label: label as string, raw: raw as string, children: [{ text: '' }] };
}

/**
 * The transcript a live document holds (see blocksToTranscript for what is tolerated). Speakers come
 * back in natural id order (s1, s2, s10…): a Y.Map has no order every replica agrees on, and import
 * ids are numbered in order of appearance, so this restores the imported order everywhere.
 */
export function readTranscriptDoc(doc: Y.Doc): Transcript {
  const speakers: Speaker[] = [];
  for (const [key, value] of doc.getMap<unknown>(speakersKey).entries()) {
    const parsed = speakerSchema.safeParse(value);
    // Filed under its own id, or skipped: two entries claiming one id would make the transcript invalid.
    if (parsed.success && parsed.data.id === key) speakers.push(parsed.data);
  }
  speakers.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  // Field by field, so one bad value (stored before updates were checked) costs only that field.
  const stored = doc.getMap<unknown>(metadataKey);
  const fields = transcriptMetadataSchema.shape;
  const metadata = transcriptMetadataSchema.parse(
    Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.safeParse(stored.get(key)).data ?? null])),
  );
  return blocksToTranscript(readTranscriptBlocks(doc), speakers, metadata);
}
