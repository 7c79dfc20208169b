import { describe, expect, it } from 'vitest';
import { YjsEditor } from '@slate-yjs/core';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { contentKey, mergeSpeakersInDoc, readTranscriptDoc, transcriptSchema } from '@verity/common';
import type { TranscriptEditor } from './types.ts';
import { isLatestStep, runUndoableEdit } from './undoable-edit.ts';
import { bindTestEditor } from '../testing/bind-test-editor.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [
    { id: 's1', label: 'MANON VAN TIENHOVEN', displayName: 'MANON VAN TIENHOVEN' },
    { id: 's2', label: 'MANON VAN TIEHOVEN', displayName: 'MANON VAN TIEHOVEN' },
  ],
  turns: ['s1', 's2', 's2', null].map((speakerId, k) => ({ id: `t${k + 1}`, speakerId, start: null, end: null, content: [{ type: 'text', text: `Turn ${k + 1}.` }] })),
  notes: [],
});

const boundEditor = () => bindTestEditor(transcript);
const origin = { name: 'test-panel' };
/** Types at the start of the last turn; the editor hands its changes to Yjs on flush (normally after a tick). */
function type(editor: TranscriptEditor, text: string) {
  Transforms.insertText(editor, text, { at: { path: [3, 0], offset: 0 } });
  YjsEditor.flushLocalChanges(editor);
}
const merge = (doc: Y.Doc, editor: TranscriptEditor | null) => runUndoableEdit(doc, editor, origin, (o) => mergeSpeakersInDoc(doc, 's1', ['s2'], o));

describe('runUndoableEdit', () => {
  it('makes a merge one undo step of the editor, roster included, separate from typing before it', () => {
    const { doc, editor } = boundEditor();
    type(editor, 'Typed. ');
    const typed = readTranscriptDoc(doc);
    expect(typed.turns[3]!.content).toEqual([{ type: 'text', text: 'Typed. Turn 4.' }]);
    const { result, step } = merge(doc, editor);
    expect(result).toBe(2);
    expect(isLatestStep(editor, step)).toBe(true);
    expect(readTranscriptDoc(doc).speakers.map((speaker) => speaker.id)).toEqual(['s1']);
    editor.undo();
    expect(readTranscriptDoc(doc)).toEqual(typed);
    editor.redo();
    expect(readTranscriptDoc(doc).turns.map((turn) => turn.speakerId)).toEqual(['s1', 's1', 's1', null]);
    editor.undo();
    editor.undo();
    expect(readTranscriptDoc(doc)).toEqual(transcript);
  });

  it('hands typing not yet flushed to Yjs over first, as its own step', () => {
    const { doc, editor } = boundEditor();
    Transforms.insertText(editor, 'Pending. ', { at: { path: [3, 0], offset: 0 } });
    merge(doc, editor);
    editor.undo();
    expect(readTranscriptDoc(doc).turns[3]!.content).toEqual([{ type: 'text', text: 'Pending. Turn 4.' }]);
    expect(readTranscriptDoc(doc).speakers).toHaveLength(2);
  });

  it('never undoes another person’s edit, and a later typed change is the latest step instead', () => {
    const { doc, editor } = boundEditor();
    const { step } = merge(doc, editor);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    (remote.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert.insert(0, 'Theirs. ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(isLatestStep(editor, step)).toBe(true);
    type(editor, 'Mine. ');
    expect(isLatestStep(editor, step)).toBe(false);
    editor.undo();
    expect(readTranscriptDoc(doc).turns[3]!.content).toEqual([{ type: 'text', text: 'Turn 4.' }]);
    editor.undo();
    const after = readTranscriptDoc(doc);
    expect(after.speakers).toHaveLength(2);
    expect(after.turns.map((turn) => turn.speakerId)).toEqual(['s1', 's2', 's2', null]);
    expect(after.turns[0]!.content).toEqual([{ type: 'text', text: 'Theirs. Turn 1.' }]);
  });

  it('without an editor still applies the edit, with no undo step', () => {
    const { doc } = boundEditor();
    expect(merge(doc, null)).toEqual({ result: 2, step: null });
  });
});
