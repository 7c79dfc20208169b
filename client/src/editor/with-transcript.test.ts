import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import type { TurnElement } from './types.ts';
import { createEvent } from './nodes.ts';
import { withTranscript } from './with-transcript.ts';

function turn(id: string, text: string, overrides: Partial<TurnElement> = {}): TurnElement {
  return { type: 'turn', id, speakerId: 's1', start: 1, end: 9, children: [{ text }], ...overrides };
}

function editorWith(children: Descendant[]) {
  const editor = withTranscript(createEditor());
  editor.children = children;
  return editor;
}

describe('withTranscript', () => {
  it('splits a turn at the cursor into a new turn with a fresh id and no speaker', () => {
    const editor = editorWith([turn('t1', 'Hello world')]);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    editor.insertBreak();
    expect(editor.children).toHaveLength(2);
    const [first, second] = editor.children as TurnElement[];
    // Timings: the first part keeps its start, its end becomes unknown; the new part has no start and keeps the old end.
    expect(first).toMatchObject({ id: 't1', speakerId: 's1', start: 1 });
    expect(first!.end ?? null).toBeNull();
    expect(Node.string(first!)).toBe('Hello');
    expect(second).toMatchObject({ type: 'turn', speakerId: null, start: null, end: 9 });
    expect(second!.id).not.toBe('t1');
    expect(second!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Node.string(second!)).toBe(' world');
    expect(editor.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
  });

  it('at the start of a turn, puts the new empty turn before so the words keep their speaker', () => {
    const editor = editorWith([turn('t1', 'Hello')]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    editor.insertBreak();
    const [first, second] = editor.children as TurnElement[];
    expect(first).toMatchObject({ speakerId: null, children: [{ text: '' }] });
    expect(second).toMatchObject({ id: 't1', speakerId: 's1' });
  });

  it('keeps events on the right side of a split', () => {
    const editor = editorWith([turn('t1', 'a', { children: [{ text: 'a' }, createEvent('Laughter'), { text: 'b' }] })]);
    Transforms.select(editor, { path: [0, 0], offset: 1 });
    editor.insertBreak();
    expect((editor.children[1] as TurnElement).children.some((child) => 'type' in child && child.type === 'event')).toBe(true);
    expect(Array.from(Editor.nodes(editor, { at: [], match: (n, p) => p.length > 1 && 'type' in n && n.type === 'turn' }))).toHaveLength(0);
  });

  it('merges a turn into the previous one on Backspace at its start', () => {
    const editor = editorWith([turn('t1', 'Hello '), turn('t2', 'world', { speakerId: 's2', end: 20 })]);
    Transforms.select(editor, { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(editor.children).toHaveLength(1);
    expect(editor.children[0]).toMatchObject({ id: 't1', speakerId: 's1', start: 1, end: 20 });
    expect(Node.string(editor.children[0]!)).toBe('Hello world');
    expect(editor.selection?.anchor.offset).toBe(6);
  });

  it('keeps timings through split and merge: Enter then Backspace gives back the start and the end', () => {
    const editor = editorWith([turn('t1', 'Hello world'), turn('t2', 'Next', { start: 12, end: 14 })]);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    editor.insertBreak();
    editor.deleteBackward('character');
    expect(editor.children).toHaveLength(2);
    expect(editor.children[0]).toMatchObject({ id: 't1', start: 1, end: 9 });
    // Delete at the end of a turn merges the next one in the same way: start of the first, end of the second.
    Transforms.select(editor, Editor.end(editor, [0]));
    editor.deleteForward('character');
    expect(editor.children[0]).toMatchObject({ id: 't1', start: 1, end: 14 });
    expect(Node.string(editor.children[0]!)).toBe('Hello worldNext');
  });

  it('merges to an unknown end when the second turn has none, and never to an end before the start', () => {
    const editor = editorWith([turn('t1', 'a'), turn('t2', 'b', { start: null, end: null })]);
    Transforms.select(editor, { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(editor.children[0]).toMatchObject({ id: 't1', start: 1 });
    expect((editor.children[0] as TurnElement).end ?? null).toBeNull();
    const backwards = editorWith([turn('t1', 'a', { start: 5, end: 6 }), turn('t2', 'b', { start: null, end: 3 })]);
    Transforms.select(backwards, { path: [1, 0], offset: 0 });
    backwards.deleteBackward('character');
    expect(backwards.children[0]).toMatchObject({ start: 5 });
    expect((backwards.children[0] as TurnElement).end ?? null).toBeNull();
  });

  it('deletes characters normally inside a turn', () => {
    const editor = editorWith([turn('t1', 'Hello')]);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    editor.deleteBackward('character');
    expect(Node.string(editor)).toBe('Hell');
  });

  it('does nothing on Backspace at the start of the first turn', () => {
    const editor = editorWith([turn('t1', 'Hello')]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(editor.children).toEqual([turn('t1', 'Hello')]);
  });

  it('does not merge a turn into a note', () => {
    const editor = editorWith([{ type: 'note', id: 'n1', children: [{ text: 'Adjourned.' }] }, turn('t1', 'Hello')]);
    Transforms.select(editor, { path: [1, 0], offset: 0 });
    editor.deleteBackward('character');
    expect(editor.children).toHaveLength(2);
  });

  it('treats events as inline voids', () => {
    const editor = editorWith([turn('t1', 'x')]);
    const event = createEvent('Applause');
    expect(editor.isInline(event)).toBe(true);
    expect(editor.isVoid(event)).toBe(true);
    expect(editor.isInline(editor.children[0] as TurnElement)).toBe(false);
    Transforms.select(editor, { path: [0, 0], offset: 1 });
    Transforms.insertNodes(editor, event);
    Editor.normalize(editor, { force: true });
    expect((editor.children[0] as TurnElement).children).toEqual([{ text: 'x' }, event, { text: '' }]);
  });

  it('unwraps a block nested inside a turn and wraps stray top-level text', () => {
    const editor = editorWith([
      { ...turn('t1', ''), children: [turn('inner', 'nested') as never] },
      { text: 'stray' } as never,
    ]);
    Editor.normalize(editor, { force: true });
    expect(editor.children).toHaveLength(2);
    expect(editor.children.every((block) => 'type' in block && block.type === 'turn')).toBe(true);
    expect(Node.string(editor.children[0]!)).toBe('nested');
    expect(Node.string(editor.children[1]!)).toBe('stray');
  });

  it('gives pasted blocks fresh ids', () => {
    const editor = editorWith([turn('t1', 'Hello')]);
    Transforms.select(editor, { path: [0, 0], offset: 5 });
    editor.insertFragment([turn('t1', ' one'), turn('t1', 'two'), turn('t1', 'three')]);
    const ids = (editor.children as TurnElement[]).map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('withTranscript and remote changes', () => {
  it('leaves structural repairs of remote changes to the server, and still makes them for local edits', () => {
    // Stands in for @slate-yjs: applyRemoteEvents applies someone else's change and then normalizes.
    const base = createEditor();
    const live = base as unknown as { applyRemoteEvents: (change: () => void) => void };
    live.applyRemoteEvents = (change) => Editor.withoutNormalizing(base, change);
    const editor = withTranscript(base);
    editor.children = [turn('t1', 'Hello')];

    // Remote: no turn is created around the stray text (every client would create one); Slate's own
    // rule drops it, and a deletion made by every client is still one deletion.
    live.applyRemoteEvents(() => Transforms.insertNodes(editor, { text: 'stray' }, { at: [1] }));
    expect(editor.children).toEqual([turn('t1', 'Hello')]);

    // Local: the plugin wraps it in a turn as before.
    Transforms.insertNodes(editor, { text: 'local stray' }, { at: [1] });
    expect(editor.children).toHaveLength(2);
    expect(editor.children[1]).toMatchObject({ type: 'turn', children: [{ text: 'local stray' }] });
  });
});
