import { describe, expect, it } from 'vitest';
import { createEditor, Node, Transforms, type Descendant } from 'slate';
import type { TurnElement } from './types.ts';
import { findUnattributedTurn, findUncertain, resolveUncertain, rewriteUncertain } from './uncertain.ts';
import { withTranscript } from './with-transcript.ts';

function editorWith(children: Descendant[]) {
  const editor = withTranscript(createEditor());
  editor.children = children;
  return editor;
}

const turn = (id: string, children: TurnElement['children'], speakerId: string | null = 's1'): TurnElement => ({ type: 'turn', id, speakerId, start: null, end: null, children });

describe('uncertain spans', () => {
  it('finds the next and previous uncertain span, wrapping around', () => {
    const editor = editorWith([
      turn('t1', [{ text: 'a ' }, { text: 'maybe', uncertain: '(?)' }, { text: ' b' }]),
      turn('t2', [{ text: 'c ' }, { text: '[inaudible]', uncertain: '[inaudible]', isMarkerOnly: true }]),
    ]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    expect(findUncertain(editor, 'next')?.[1]).toEqual([0, 1]);
    Transforms.select(editor, { path: [0, 2], offset: 0 });
    expect(findUncertain(editor, 'next')?.[1]).toEqual([1, 1]);
    expect(findUncertain(editor, 'previous')?.[1]).toEqual([0, 1]);
    Transforms.select(editor, { path: [1, 1], offset: 0 });
    expect(findUncertain(editor, 'next')?.[1]).toEqual([0, 1]);
  });

  it('resolving keeps the words and drops the marker; a marker-only span goes away', () => {
    const editor = editorWith([turn('t1', [{ text: 'a ' }, { text: 'maybe', uncertain: '(?)' }, { text: ' ' }, { text: '[inaudible]', uncertain: '[inaudible]', isMarkerOnly: true }])]);
    resolveUncertain(editor, [0, 1]);
    expect(Node.string(editor)).toBe('a maybe [inaudible]');
    const marked = Array.from(Node.texts(editor)).filter(([text]) => text.uncertain);
    expect(marked).toHaveLength(1);
    resolveUncertain(editor, marked[0]![1]);
    expect(Node.string(editor)).toBe('a maybe ');
    expect(Array.from(Node.texts(editor)).some(([text]) => text.uncertain)).toBe(false);
  });

  it('rewrite selects the span without its marker, so typing replaces it', () => {
    const editor = editorWith([turn('t1', [{ text: 'a ' }, { text: 'maybe', uncertain: '(?)' }, { text: ' b' }])]);
    rewriteUncertain(editor, [0, 1]);
    editor.insertText('surely');
    expect(Node.string(editor)).toBe('a surely b');
    expect(Array.from(Node.texts(editor)).some(([text]) => text.uncertain)).toBe(false);
  });

  it('finds the next unattributed turn', () => {
    const editor = editorWith([turn('t1', [{ text: 'a' }], null), turn('t2', [{ text: 'b' }]), turn('t3', [{ text: 'c' }], null)]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    expect(findUnattributedTurn(editor)).toBe(2);
    Transforms.select(editor, { path: [2, 0], offset: 0 });
    expect(findUnattributedTurn(editor)).toBe(0);
  });
});
