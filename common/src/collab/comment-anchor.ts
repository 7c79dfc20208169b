import * as Y from 'yjs';
import { contentKey, isBlockId } from './transcript-nodes.ts';

/**
 * Comment anchors: a range of words pinned with Yjs relative positions, so it follows every edit
 * around and inside it (and concurrent ones, once merged). The start sticks to the first commented
 * character, the end to the last (assoc −1): text typed just before or after stays outside, text
 * typed inside is inside, deleting part of the words shrinks the range, deleting all of them (or the
 * block) detaches the comment. Offsets are a block's Y.XmlText offsets (an event chip counts one),
 * as in find-in-transcript.ts. Pure and synchronous; resolving never writes to the document.
 */

/** The two encoded relative positions (Y.encodeRelativePosition). */
export interface CommentAnchor {
  start: Uint8Array;
  end: Uint8Array;
}

/** Where an anchor's words are now: a block (turn or note) and [start, end) in its offsets. */
export interface AnchorRange {
  blockId: string;
  start: number;
  end: number;
}

/** Longest encoded position accepted: a real one is two varints and a flag, well under this. */
export const maxAnchorPositionBytes = 64;
/** Stands for an event chip in anchored text (as chipMark does in find). */
const chipText = '\uFFFC';

/**
 * The anchor of [start, end) in the block `blockId` of `doc`; null when the block is not there or the
 * range is empty or outside it.
 */
export function createCommentAnchor(doc: Y.Doc, range: AnchorRange): CommentAnchor | null {
  const block = findBlock(doc, range.blockId);
  if (!block || !Number.isInteger(range.start) || !Number.isInteger(range.end)) return null;
  if (range.start < 0 || range.end <= range.start || range.end > block.length) return null;
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(block, range.start, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(block, range.end, -1)),
  };
}

/**
 * One encoded position, or null when the bytes are not one an anchor could hold: undecodable,
 * non-canonical, or not pinned to a character (a position naming a root type by name is refused
 * before anything resolves it, since Y.Doc.get would create that root).
 */
export function decodeAnchorPosition(bytes: Uint8Array, side: 'start' | 'end'): Y.RelativePosition | null {
  if (bytes.length === 0 || bytes.length > maxAnchorPositionBytes) return null;
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
  if (position.item === null || position.tname !== null || position.type !== null) return null;
  if (side === 'start' ? position.assoc < 0 : position.assoc >= 0) return null;
  const canonical = Y.encodeRelativePosition(position);
  if (canonical.length !== bytes.length || canonical.some((byte, index) => byte !== bytes[index])) return null;
  return position;
}

/**
 * Where the anchor's words are in `doc` now, or null: the bytes are not an anchor, they name
 * characters this document does not have (forged, or not synced yet), the characters are not in one
 * block of the layout, or every commented character is gone (detached). Never throws.
 */
export function resolveCommentAnchor(doc: Y.Doc, anchor: CommentAnchor): AnchorRange | null {
  const startPosition = decodeAnchorPosition(anchor.start, 'start');
  const endPosition = decodeAnchorPosition(anchor.end, 'end');
  if (!startPosition || !endPosition) return null;
  const root = contentRoot(doc);
  if (!root) return null;
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(startPosition, doc);
    const end = Y.createAbsolutePositionFromRelativePosition(endPosition, doc);
    if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
    const block = start.type;
    if (block.parent !== root || block._item === null || block._item.deleted) return null;
    const kind = block.getAttribute('type') as unknown;
    const blockId = block.getAttribute('id') as unknown;
    if ((kind !== 'turn' && kind !== 'note') || !isBlockId(blockId)) return null;
    if (end.index <= start.index) return null;
    return { blockId, start: start.index, end: end.index };
  } catch {
    return null;
  }
}

/** True when both characters the anchor names exist in `doc` (it was made from this document's text). */
export function isAnchorKnown(doc: Y.Doc, anchor: CommentAnchor): boolean {
  const positions = [decodeAnchorPosition(anchor.start, 'start'), decodeAnchorPosition(anchor.end, 'end')];
  return positions.every((position) => position?.item != null && Y.getState(doc.store, position.item.client) > position.item.clock);
}

/** The text of an anchor's range now (an event chip reads as U+FFFC); '' when the block is gone. */
export function readAnchorText(doc: Y.Doc, range: AnchorRange): string {
  const block = findBlock(doc, range.blockId);
  if (!block) return '';
  let offset = 0;
  let text = '';
  for (const op of block.toDelta() as { insert: unknown }[]) {
    const piece = typeof op.insert === 'string' ? op.insert : chipText;
    if (offset + piece.length > range.start && offset < range.end) text += piece.slice(Math.max(0, range.start - offset), range.end - offset);
    offset += piece.length;
    if (offset >= range.end) break;
  }
  return text;
}

/**
 * Where `quote` stands in the document if it occurs exactly once in one block (null when it occurs
 * nowhere, or more than once: ambiguous). Lets a detached thread be attached again to its words after
 * they were rewritten elsewhere (a turn merge rewrites the merged turn's text).
 */
export function findUniqueQuote(doc: Y.Doc, quote: string): AnchorRange | null {
  const root = contentRoot(doc);
  if (!root || quote === '') return null;
  let found: AnchorRange | null = null;
  for (const op of root.toDelta() as { insert: unknown }[]) {
    if (!(op.insert instanceof Y.XmlText)) continue;
    const kind = op.insert.getAttribute('type') as unknown;
    const blockId = op.insert.getAttribute('id') as unknown;
    if ((kind !== 'turn' && kind !== 'note') || !isBlockId(blockId)) continue;
    const text = (op.insert.toDelta() as { insert: unknown }[]).map((piece) => (typeof piece.insert === 'string' ? piece.insert : chipText)).join('');
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      if (found) return null;
      found = { blockId, start: at, end: at + quote.length };
    }
  }
  return found;
}

/** Anchor bytes as base64 (how the API carries them). */
export function anchorBytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 back to bytes; null for anything that is not base64. */
export function anchorBytesFromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The document's text root, typed, without creating it where it is missing (or of another kind). */
function contentRoot(doc: Y.Doc): Y.XmlText | null {
  if (!doc.share.has(contentKey)) return null;
  try {
    return doc.get(contentKey, Y.XmlText);
  } catch {
    return null;
  }
}

function findBlock(doc: Y.Doc, blockId: string): Y.XmlText | null {
  const root = contentRoot(doc);
  if (!root) return null;
  for (const op of root.toDelta() as { insert: unknown }[]) {
    if (op.insert instanceof Y.XmlText && op.insert.getAttribute('id') === blockId) {
      const kind = op.insert.getAttribute('type') as unknown;
      if (kind === 'turn' || kind === 'note') return op.insert;
    }
  }
  return null;
}
