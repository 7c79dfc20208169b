import { useMemo } from 'react';
import { Text, type DecoratedRange, type Editor } from 'slate';
import type { Person, TurnBlame, TurnElement } from '@verity/common';
import { noDecorations, type Decorate } from '../../editor/compose-decorate.ts';
import { isTurn } from '../../editor/nodes.ts';
import { useBlame } from './use-blame.ts';

/** The leaf property a blame decoration sets: who introduced the words ("the import" for none). */
export interface BlameLeaf {
  blameAuthor?: string;
}

/** A range carrying its author into the leaves it covers (Slate merges a decoration's extra keys into the leaf). */
type BlameRange = DecoratedRange & BlameLeaf;

/**
 * The turn's text as blame counts it: its text leaves, with each sound event as its raw marker (the
 * server reads the Yjs document, where an event is an embed carrying `raw`).
 */
export function blameTextOf(turn: TurnElement): string {
  return turn.children.map((child) => ('text' in child ? child.text : child.raw)).join('');
}

/** True when the turn still reads as it did when the blame was fetched, so word offsets line up. */
export function isBlameCurrent(turn: TurnElement, blame: TurnBlame): boolean {
  return blameTextOf(turn) === blame.spans.map((span) => span.text).join('');
}

/**
 * Slate `decorate` for the authors overlay: marks each word run with its author so the leaf renders
 * a tooltip. A no-op while the overlay is off; on, the ranges of a turn are computed once per version
 * of the turn element (Slate replaces only the elements an edit touched), so typing stays cheap.
 * A turn edited since the fetch is left undecorated rather than mislabelled.
 */
export function useBlameDecorate(editor: Editor): Decorate {
  const { isShown, turns, people } = useBlame();
  return useMemo((): Decorate => {
    if (!isShown || turns.size === 0) return noDecorations;
    const cache = new WeakMap<TurnElement, { index: number; ranges: BlameRange[] }>();
    return ([node, path]) => {
      if (!Text.isText(node) || path.length !== 2) return [];
      const index = path[0]!;
      const turn = editor.children[index];
      if (!turn || !isTurn(turn)) return [];
      let cached = cache.get(turn);
      if (!cached || cached.index !== index) {
        cached = { index, ranges: blameRanges(turn, index, turns.get(turn.id), people) };
        cache.set(turn, cached);
      }
      return cached.ranges;
    };
  }, [editor, isShown, turns, people]);
}

/** The turn's word runs as ranges (path prefix `index`) naming their authors; none when the turn has moved on. */
export function blameRanges(turn: TurnElement, index: number, blame: TurnBlame | undefined, people: ReadonlyMap<string, Person>): BlameRange[] {
  if (!blame || !isBlameCurrent(turn, blame)) return [];
  const children: { start: number; end: number; childIndex: number }[] = [];
  let offset = 0;
  turn.children.forEach((child, childIndex) => {
    const length = 'text' in child ? child.text.length : child.raw.length;
    if ('text' in child) children.push({ start: offset, end: offset + length, childIndex });
    offset += length;
  });
  const ranges: BlameRange[] = [];
  let spanStart = 0;
  for (const span of blame.spans) {
    const spanEnd = spanStart + span.text.length;
    const blameAuthor = span.authorId === null ? 'the import' : (people.get(span.authorId)?.displayName ?? 'a former member');
    for (const child of children) {
      const start = Math.max(spanStart, child.start);
      const end = Math.min(spanEnd, child.end);
      if (start >= end) continue;
      const path = [index, child.childIndex];
      ranges.push({ anchor: { path, offset: start - child.start }, focus: { path, offset: end - child.start }, blameAuthor });
    }
    spanStart = spanEnd;
  }
  return ranges;
}
