import { describe, expect, it } from 'vitest';
import { createEditor } from 'slate';
import { createTranscriptDoc, resolveCommentAnchor, anchorBytesFromBase64, transcriptSchema } from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import { draftFromSelection, selectionBlockRange } from './selection-anchor.ts';

function editorWith(selection: TranscriptEditor['selection']): TranscriptEditor {
  const editor = createEditor() as TranscriptEditor;
  editor.children = [
    { type: 'turn', id: 't1', speakerId: null, start: null, end: null, children: [{ text: 'Ask ' }, { text: 'GAC', uncertain: '(?)' }, { text: ' ' }, { type: 'event', label: 'Laughter', raw: '[Laughter]', children: [{ text: '' }] }, { text: ' again.' }] },
    { type: 'turn', id: 't2', speakerId: null, start: null, end: null, children: [{ text: 'Next turn.' }] },
  ];
  editor.selection = selection;
  return editor;
}

describe('selectionBlockRange', () => {
  it('gives Yjs offsets across leaves and chips, whichever way the selection runs', () => {
    expect(selectionBlockRange(editorWith({ anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 1], offset: 3 } }))).toEqual({ blockId: 't1', start: 4, end: 7 });
    expect(selectionBlockRange(editorWith({ anchor: { path: [0, 4], offset: 6 }, focus: { path: [0, 1], offset: 0 } }))).toEqual({ blockId: 't1', start: 4, end: 15 });
  });

  it('cuts a selection into the next turn at the end of the first', () => {
    expect(selectionBlockRange(editorWith({ anchor: { path: [0, 4], offset: 1 }, focus: { path: [1, 0], offset: 4 } }))).toEqual({ blockId: 't1', start: 10, end: 16 });
  });

  it('is null for no words', () => {
    expect(selectionBlockRange(editorWith(null))).toBeNull();
    expect(selectionBlockRange(editorWith({ anchor: { path: [0, 0], offset: 2 }, focus: { path: [0, 0], offset: 2 } }))).toBeNull();
    expect(selectionBlockRange(editorWith({ anchor: { path: [0, 4], offset: 7 }, focus: { path: [1, 0], offset: 0 } }))).toBeNull();
  });
});

describe('draftFromSelection', () => {
  it('anchors the selected words in the live document', () => {
    const doc = createTranscriptDoc(
      transcriptSchema.parse({
        schema: 'verity.transcript/1',
        metadata: { title: 'x' },
        speakers: [],
        turns: [{ id: 't1', speakerId: null, content: [{ type: 'text', text: 'Ask ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'text', text: ' ' }, { type: 'event', label: 'Laughter', raw: '[Laughter]' }, { type: 'text', text: ' again.' }] }],
        notes: [],
      }),
    );
    const draft = draftFromSelection(editorWith({ anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 1], offset: 3 } }), doc)!;
    expect(draft.quote).toBe('GAC');
    const start = anchorBytesFromBase64(draft.anchor.start)!;
    const end = anchorBytesFromBase64(draft.anchor.end)!;
    expect(resolveCommentAnchor(doc, { start, end })).toEqual({ blockId: 't1', start: 4, end: 7 });
  });
});
