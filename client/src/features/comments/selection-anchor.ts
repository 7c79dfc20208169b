import { Element, Range, Text, type Editor, type Point } from 'slate';
import type * as Y from 'yjs';
import { anchorBytesToBase64, createCommentAnchor, readAnchorText, type AnchorRange, type CommentAnchorBytes } from '@verity/common';

/** A comment about to be written: where, and the words it will be on. */
export interface CommentDraft {
  anchor: CommentAnchorBytes;
  range: AnchorRange;
  quote: string;
}

/**
 * The editor's selection as a range of one block's Yjs offsets (an event chip counts one, as in
 * offset-range.ts): a selection running into later turns is cut at the end of its first turn, since
 * an anchor lives in one turn. Null for no selection, a collapsed one, or one on no text.
 */
export function selectionBlockRange(editor: Editor): AnchorRange | null {
  const { selection } = editor;
  if (!selection || Range.isCollapsed(selection)) return null;
  const [from, to] = Range.edges(selection);
  const blockIndex = from.path[0]!;
  const block = editor.children[blockIndex];
  if (!block || !Element.isElement(block) || block.type === 'event') return null;
  const start = blockOffset(block.children, from);
  const end = to.path[0] === blockIndex ? blockOffset(block.children, to) : blockLength(block.children);
  return end > start ? { blockId: block.id, start, end } : null;
}

/** A draft for the current selection, anchored in the live document the editor is bound to; null when nothing is selected. */
export function draftFromSelection(editor: Editor, doc: Y.Doc): CommentDraft | null {
  const range = selectionBlockRange(editor);
  const anchor = range ? createCommentAnchor(doc, range) : null;
  if (!range || !anchor) return null;
  return { range, quote: readAnchorText(doc, range), anchor: { start: anchorBytesToBase64(anchor.start), end: anchorBytesToBase64(anchor.end) } };
}

type BlockChild = Element['children'][number];

function blockOffset(children: readonly BlockChild[], point: Point): number {
  const childIndex = point.path[1] ?? 0;
  const before = blockLength(children.slice(0, childIndex));
  const child = children[childIndex];
  // Inside an event chip's empty text: the chip's own place.
  return child && Text.isText(child) && point.path.length === 2 ? before + Math.min(point.offset, child.text.length) : before;
}

function blockLength(children: readonly BlockChild[]): number {
  return children.reduce((sum, child) => sum + (Text.isText(child) ? child.text.length : 1), 0);
}
