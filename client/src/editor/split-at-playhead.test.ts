import { describe, expect, it } from 'vitest';
import { createEditor, Node, Transforms, type Descendant } from 'slate';
import { createEvent } from './nodes.ts';
import { splitTurnAtPlayhead } from './split-at-playhead.ts';
import type { TurnElement } from './types.ts';
import { withTranscript } from './with-transcript.ts';

function turn(id: string, text: string, overrides: Partial<TurnElement> = {}): TurnElement {
  return { type: 'turn', id, speakerId: 's1', start: 10, end: 30, children: [{ text }], ...overrides };
}

function editorWith(children: Descendant[]) {
  const editor = withTranscript(createEditor());
  editor.children = children;
  return editor;
}

describe('splitTurnAtPlayhead', () => {
  it('moves the words after the cursor into a new turn starting at the playhead; the first part ends there', () => {
    const editor = editorWith([turn('t1', 'Thank you. Next question'), turn('t2', 'Later', { start: 40, end: 45 })]);
    Transforms.select(editor, { path: [0, 0], offset: 11 });
    const result = splitTurnAtPlayhead(editor, 17.5);
    const [first, second, third] = editor.children as TurnElement[];
    expect(result).toEqual({ ok: true, turnId: second!.id });
    expect(first).toMatchObject({ id: 't1', speakerId: 's1', start: 10, end: 17.5 });
    expect(Node.string(first!)).toBe('Thank you. ');
    expect(second).toMatchObject({ type: 'turn', speakerId: null, start: 17.5, end: 30 });
    expect(second!.id).not.toBe('t1');
    expect(Node.string(second!)).toBe('Next question');
    expect(third).toMatchObject({ id: 't2', start: 40 });
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
  });

  it('keeps an end at or before the playhead on the first part, never on the new turn', () => {
    const editor = editorWith([turn('t1', 'Thank you. Next question', { end: 12 })]);
    Transforms.select(editor, { path: [0, 0], offset: 11 });
    expect(splitTurnAtPlayhead(editor, 20).ok).toBe(true);
    const [first, second] = editor.children as TurnElement[];
    expect(first).toMatchObject({ start: 10, end: 12 });
    expect(second).toMatchObject({ start: 20 });
    expect(second!.end ?? null).toBeNull();
  });

  it('leaves an untimed end untimed, and keeps an event after the cursor in the new turn', () => {
    const editor = editorWith([{ ...turn('t1', '', { start: null, end: null }), children: [{ text: 'Yes. ' }, createEvent('Laughter'), { text: ' No.' }] }]);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    expect(splitTurnAtPlayhead(editor, 3).ok).toBe(true);
    const [first, second] = editor.children as TurnElement[];
    expect(first).toMatchObject({ start: null, end: null });
    expect(second).toMatchObject({ start: 3, end: null });
    expect(second!.children.some((child) => 'type' in child && child.type === 'event')).toBe(true);
  });

  it('at a turn’s start splits nothing: the turn starts at the playhead, and an end before it is cleared', () => {
    const editor = editorWith([turn('t1', 'Hello', { start: null, end: 4 })]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    expect(splitTurnAtPlayhead(editor, 6)).toEqual({ ok: true, turnId: 't1' });
    expect(editor.children).toHaveLength(1);
    expect(editor.children[0]).toMatchObject({ id: 't1', start: 6 });
    expect((editor.children[0] as TurnElement).end ?? null).toBeNull();
  });

  it('does not delete a selection: it splits at its start', () => {
    const editor = editorWith([turn('t1', 'one two three')]);
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 8 }, focus: { path: [0, 0], offset: 4 } });
    expect(splitTurnAtPlayhead(editor, 20).ok).toBe(true);
    expect(editor.children.map((block) => Node.string(block))).toEqual(['one ', 'two three']);
  });

  it('refuses a playhead before the turn’s start, and a cursor outside a turn, changing nothing', () => {
    const editor = editorWith([turn('t1', 'Hello world'), { type: 'note', id: 'n1', children: [{ text: 'a note' }] }]);
    const before = structuredClone(editor.children);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    expect(splitTurnAtPlayhead(editor, 9)).toEqual({ ok: false, reason: expect.stringMatching(/before this turn starts/) });
    Transforms.select(editor, { path: [1, 0], offset: 2 });
    expect(splitTurnAtPlayhead(editor, 12)).toEqual({ ok: false, reason: expect.stringMatching(/cursor in a turn/) });
    editor.selection = null;
    expect(splitTurnAtPlayhead(editor, 12).ok).toBe(false);
    expect(editor.children).toEqual(before);
  });
});
