import * as Y from 'yjs';
import { chipMark, type FindHit, type SearchableBlock } from '../find-in-transcript.ts';
import { liveBlocks } from './doc-blocks.ts';

/**
 * Replace, as a live edit: each selected hit becomes a delete and an insert of just its range in its
 * block's Y.Text, all in one transaction with the caller's origin (so the editor's undo manager, which
 * tracks that origin, reverts the whole replace as one step). Ranges, not whole turns: another person
 * typing elsewhere in an affected turn keeps their words, because Yjs merges edits by position.
 */

/** A hit pinned to the document with Yjs relative positions, which follow concurrent edits. */
export interface AnchoredHit {
  hit: FindHit;
  block: Y.XmlText;
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/** The blocks of the live document as searchable text, in reading order (events read as chipMark). */
export function readSearchableBlocks(doc: Y.Doc): SearchableBlock[] {
  return liveBlocks(doc).map(({ id, block }) => ({
    id,
    kind: block.getAttribute('type') === 'note' ? 'note' : 'turn',
    speakerId: readSpeakerId(block),
    text: blockSearchText(block),
  }));
}

/** A block's text at Yjs offsets: strings as they are, each embedded chip as one chipMark. */
export function blockSearchText(block: Y.XmlText): string {
  return (block.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : chipMark)).join('');
}

/**
 * Pins hits found on an earlier reading of `doc` to its current state. A hit whose block is gone or
 * whose text no longer reads as it did (someone edited it meanwhile) is left out: `stale` counts them.
 */
export function anchorHits(doc: Y.Doc, hits: readonly FindHit[]): { anchored: AnchoredHit[]; stale: number } {
  const byId = new Map(liveBlocks(doc).map(({ id, block }) => [id, block]));
  const texts = new Map<Y.XmlText, string>();
  const anchored: AnchoredHit[] = [];
  for (const hit of hits) {
    const block = byId.get(hit.blockId);
    if (!block) continue;
    let text = texts.get(block);
    if (text === undefined) texts.set(block, (text = blockSearchText(block)));
    if (text.slice(hit.start, hit.end) !== hit.match) continue;
    // The start sticks to the first matched character, the end to the last, so text typed right
    // before or after the hit stays outside it, and text typed inside makes it stale.
    anchored.push({ hit, block, start: Y.createRelativePositionFromTypeIndex(block, hit.start, 0), end: Y.createRelativePositionFromTypeIndex(block, hit.end, -1) });
  }
  return { anchored, stale: hits.length - anchored.length };
}

/**
 * Applies the anchored hits in one transaction with `origin`. Each is checked again inside it (its
 * range still holds exactly the matched text); those that do not are skipped and counted. The new
 * text takes the formatting of the first replaced character (a fix inside an uncertain span stays
 * uncertain until resolved).
 */
export function applyReplacements(doc: Y.Doc, anchored: readonly AnchoredHit[], origin: unknown): { replaced: number; skipped: number } {
  let replaced = 0;
  doc.transact(() => {
    for (const { hit, block, start, end } of anchored) {
      const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
      const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
      if (!from || !to || from.type !== block || to.type !== block || to.index - from.index !== hit.match.length) continue;
      const { text, attributes } = readRange(block, from.index, to.index);
      if (text !== hit.match) continue;
      block.delete(from.index, hit.match.length);
      // Explicit attributes: without them Y.Text would copy the formatting of whatever precedes.
      if (hit.replacement !== '') block.insert(from.index, hit.replacement, attributes);
      replaced++;
    }
  }, origin);
  return { replaced, skipped: anchored.length - replaced };
}

function readSpeakerId(block: Y.XmlText): string | null {
  const value = block.getAttribute('speakerId') as unknown;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The text between two offsets of a block and the formatting at the first of them. */
function readRange(block: Y.XmlText, from: number, to: number): { text: string; attributes: Record<string, unknown> } {
  let offset = 0;
  let text = '';
  let attributes: Record<string, unknown> | null = null;
  for (const op of block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (offset + length > from && offset < to) {
      attributes ??= { ...op.attributes };
      const piece = typeof op.insert === 'string' ? op.insert : chipMark;
      text += piece.slice(Math.max(0, from - offset), to - offset);
    }
    offset += length;
    if (offset >= to) break;
  }
  return { text, attributes: attributes ?? {} };
}
