import { useMemo } from 'react';
import { Element, Text, type DecoratedRange, type Editor } from 'slate';
import type * as Y from 'yjs';
import { anchorBytesFromBase64, resolveCommentAnchor, type CommentAnchor, type CommentThread } from '@verity/common';
import { noDecorations, type Decorate } from '../../editor/compose-decorate.ts';

/** The leaf property a comment decoration sets: the thread whose words these are. */
export interface CommentLeaf {
  commentId?: string;
}

type CommentRange = DecoratedRange & CommentLeaf;

interface AnchoredThread {
  id: string;
  anchor: CommentAnchor;
}

/** Open threads with their anchors decoded, by the block their words are in (it never changes: Yjs items do not move). */
export function groupOpenThreads(doc: Y.Doc, threads: readonly CommentThread[]): Map<string, AnchoredThread[]> {
  const byBlock = new Map<string, AnchoredThread[]>();
  for (const thread of threads) {
    if (thread.resolvedAt !== null) continue;
    const start = anchorBytesFromBase64(thread.anchor.start);
    const end = anchorBytesFromBase64(thread.anchor.end);
    const range = start && end ? resolveCommentAnchor(doc, { start, end }) : null;
    if (!range) continue;
    byBlock.set(range.blockId, [...(byBlock.get(range.blockId) ?? []), { id: thread.id, anchor: { start: start!, end: end! } }]);
  }
  return byBlock;
}

/**
 * The ranges (path prefix `index`) of a block's commented words now: each thread's anchor resolved in
 * the live document, cut into the block's text leaves. Empty when the words are gone.
 */
export function commentRanges(doc: Y.Doc, block: Element, index: number, threads: readonly AnchoredThread[]): CommentRange[] {
  const ranges: CommentRange[] = [];
  for (const thread of threads) {
    const range = resolveCommentAnchor(doc, thread.anchor);
    if (!range) continue;
    let offset = 0;
    block.children.forEach((child, childIndex) => {
      const length = Text.isText(child) ? child.text.length : 1;
      const start = Math.max(range.start, offset);
      const end = Math.min(range.end, offset + length);
      if (Text.isText(child) && start < end) {
        const path = [index, childIndex];
        ranges.push({ anchor: { path, offset: start - offset }, focus: { path, offset: end - offset }, commentId: thread.id });
      }
      offset += length;
    });
  }
  return ranges;
}

/**
 * Slate `decorate` for the comments overlay: the words of each open thread marked, following every
 * edit as it happens (anchors resolve in the client's own document). Ranges are computed once per
 * version of a block element (Slate replaces only the elements an edit touched), and only for the
 * threads in that block, so typing elsewhere costs nothing.
 */
export function useCommentDecorate(editor: Editor, doc: Y.Doc, threads: readonly CommentThread[]): Decorate {
  return useMemo((): Decorate => {
    const byBlock = groupOpenThreads(doc, threads);
    if (byBlock.size === 0) return noDecorations;
    const cache = new WeakMap<Element, { index: number; ranges: CommentRange[] }>();
    return ([node, path]) => {
      if (!Text.isText(node) || path.length !== 2) return [];
      const index = path[0]!;
      const block = editor.children[index];
      if (!block || !Element.isElement(block) || block.type === 'event') return [];
      const blockThreads = byBlock.get(block.id);
      if (!blockThreads) return [];
      let cached = cache.get(block);
      if (!cached || cached.index !== index) {
        cached = { index, ranges: commentRanges(doc, block, index, blockThreads) };
        cache.set(block, cached);
      }
      return cached.ranges;
    };
  }, [editor, doc, threads]);
}
