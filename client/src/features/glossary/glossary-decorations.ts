import { useMemo } from 'react';
import { Element, Text, type BaseRange, type DecoratedRange, type Editor, type Node } from 'slate';
import { chipMark, type GlossaryHit } from '@verity/common';
import { noDecorations, type Decorate } from '../../editor/compose-decorate.ts';
import { findBlockPath } from '../../editor/nodes.ts';

/** The leaf properties a glossary decoration sets: the hit's label ("GAC → GFCE") and key. */
export interface GlossaryLeaf {
  glossaryLabel?: string;
  glossaryKey?: string;
}

type GlossaryRange = DecoratedRange & GlossaryLeaf;

interface BlockLike {
  id: string;
  children: Node[];
}

function blockAt(editor: Editor, index: number): BlockLike | null {
  const node = editor.children[index];
  return node && Element.isElement(node) && typeof (node as { id?: unknown }).id === 'string' ? (node as unknown as BlockLike) : null;
}

/** A block's text at Yjs offsets (an inline chip counts one, as chipMark), with where each text child starts. */
export function blockOffsets(block: BlockLike): { text: string; children: { childIndex: number; start: number; end: number }[] } {
  let text = '';
  const children: { childIndex: number; start: number; end: number }[] = [];
  block.children.forEach((child, childIndex) => {
    if (Text.isText(child)) {
      children.push({ childIndex, start: text.length, end: text.length + child.text.length });
      text += child.text;
    } else {
      text += chipMark;
    }
  });
  return { text, children };
}

/** The Slate ranges (one per text child it covers) of a hit in block `index`; none when the block no longer reads as the hit says. */
export function glossaryHitRanges(block: BlockLike, index: number, hits: readonly GlossaryHit[]): GlossaryRange[] {
  const { text, children } = blockOffsets(block);
  const ranges: GlossaryRange[] = [];
  for (const hit of hits) {
    // Hits come from the last snapshot; text typed since then may have moved them: skip rather than mismark.
    if (text.slice(hit.start, hit.end) !== hit.text) continue;
    for (const child of children) {
      const start = Math.max(hit.start, child.start);
      const end = Math.min(hit.end, child.end);
      if (start >= end) continue;
      const path = [index, child.childIndex];
      ranges.push({ anchor: { path, offset: start - child.start }, focus: { path, offset: end - child.start }, glossaryLabel: hit.label, glossaryKey: hit.key });
    }
  }
  return ranges;
}

/** The whole range of one hit in the editor (for the fix popover's position), or null if it moved. */
export function glossaryHitRange(editor: Editor, hit: GlossaryHit): BaseRange | null {
  const index = findBlockPath(editor, hit.turnId)?.[0];
  const block = index === undefined ? null : blockAt(editor, index);
  const ranges = block && index !== undefined ? glossaryHitRanges(block, index, [hit]) : [];
  if (ranges.length === 0) return null;
  return { anchor: ranges[0]!.anchor, focus: ranges.at(-1)!.focus };
}

/**
 * Slate `decorate` for glossary hits: a wavy underline under each known misrecognition. Ranges are
 * computed once per version of a block element (Slate replaces only the elements an edit touched) for
 * the current hits, so typing stays cheap; with no hits the overlay is off entirely.
 */
export function useGlossaryDecorate(editor: Editor, hits: readonly GlossaryHit[]): Decorate {
  return useMemo((): Decorate => {
    if (hits.length === 0) return noDecorations;
    const byBlock = new Map<string, GlossaryHit[]>();
    for (const hit of hits) byBlock.set(hit.turnId, [...(byBlock.get(hit.turnId) ?? []), hit]);
    const cache = new WeakMap<Node, { index: number; ranges: GlossaryRange[] }>();
    return ([node, path]) => {
      if (!Text.isText(node) || path.length !== 2) return [];
      const index = path[0]!;
      const block = blockAt(editor, index);
      const blockHits = block ? byBlock.get(block.id) : undefined;
      if (!block || !blockHits) return [];
      let cached = cache.get(block as unknown as Node);
      if (!cached || cached.index !== index) {
        cached = { index, ranges: glossaryHitRanges(block, index, blockHits) };
        cache.set(block as unknown as Node, cached);
      }
      const childIndex = path[1]!;
      return cached.ranges.filter((range) => range.anchor.path[1] === childIndex);
    };
  }, [editor, hits]);
}
