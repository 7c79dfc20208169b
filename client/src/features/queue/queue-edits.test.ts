import { withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, listOpenItems, readTranscriptDoc, transcriptSchema } from '@verity/common';
import type { TranscriptEditor } from '../../editor/types.ts';
import { withTranscript } from '../../editor/with-transcript.ts';
import { applyTurnSpeaker, confirmUncertain, mergeDuplicate } from './queue-edits.ts';

function setUp() {
  const doc = createTranscriptDoc(
    transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: {},
      speakers: [
        { id: 's1', label: 'MANON VAN TIENHOVEN', displayName: 'Manon van Tienhoven' },
        { id: 's2', label: 'MANON VAN TIEHOVEN', displayName: 'Manon van Tiehoven' },
      ],
      turns: [
        { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'The ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'text', text: ' met.' }] },
        { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Catherine, would you like to continue?' }] },
        { id: 't3', speakerId: 's2', start: null, end: null, content: [{ type: 'text', text: 'Yes.' }] },
      ],
      notes: [],
    }),
  );
  const editor = withTranscript(withYHistory(withYjs(createEditor(), doc.get(contentKey, Y.XmlText) as Y.XmlText))) as unknown as TranscriptEditor;
  YjsEditor.connect(editor);
  const read = () => readTranscriptDoc(doc);
  const item = (kind: string) => listOpenItems(read()).find((entry) => entry.kind === kind)!;
  return { doc, editor, read, item };
}

describe('queue edits: each one change through the live document, undone as one step with the roster', () => {
  it('applies a new speaker to a turn; one undo takes the turn and the new roster entry back', () => {
    const { editor, read } = setUp();
    expect(applyTurnSpeaker(editor, 't2', { name: 'Patrick Pavlak' })).not.toBeNull();
    const added = read().speakers.find((speaker) => speaker.displayName === 'Patrick Pavlak');
    expect(read().turns[1]!.speakerId).toBe(added!.id);
    editor.undo();
    expect(read().turns[1]!.speakerId).toBeNull();
    expect(read().speakers.map((speaker) => speaker.id)).toEqual(['s1', 's2']);
  });

  it('applies a suggested new name twice (before the queue re-read the roster) as one speaker', () => {
    const { editor, read } = setUp();
    applyTurnSpeaker(editor, 't2', { name: 'Patrick Pavlak' });
    applyTurnSpeaker(editor, 't3', { name: 'patrick pavlak ' });
    const named = read().speakers.filter((speaker) => speaker.displayName === 'Patrick Pavlak');
    expect(named).toHaveLength(1);
    expect(read().turns.slice(1).map((turn) => turn.speakerId)).toEqual([named[0]!.id, named[0]!.id]);
  });

  it('keeps typing after it a step of its own', () => {
    const { editor, read } = setUp();
    applyTurnSpeaker(editor, 't2', { speakerId: 's1' });
    Transforms.insertText(editor, 'Well, ', { at: { path: [2, 0], offset: 0 } });
    YjsEditor.flushLocalChanges(editor);
    editor.undo();
    expect(read().turns[2]!.content).toEqual([{ type: 'text', text: 'Yes.' }]);
    expect(read().turns[1]!.speakerId).toBe('s1');
    editor.undo();
    expect(read().turns[1]!.speakerId).toBeNull();
  });

  it('merges a probable duplicate; one undo brings back the speaker and its turns', () => {
    const { editor, read, item } = setUp();
    const duplicate = item('duplicateSpeaker');
    mergeDuplicate(editor, duplicate.speakerIds![0], duplicate.speakerIds![1]);
    expect(read().speakers).toHaveLength(1);
    expect(read().turns.map((turn) => turn.speakerId)).toEqual([duplicate.speakerIds![0], null, duplicate.speakerIds![0]]);
    editor.undo();
    expect(read().speakers.map((speaker) => speaker.id)).toEqual(['s1', 's2']);
    expect(read().turns.map((turn) => turn.speakerId)).toEqual(['s1', null, 's2']);
  });

  it('confirms an uncertain span as written (words kept, mark gone), undone as one step; a stale item changes nothing', () => {
    const { editor, read, item } = setUp();
    const uncertain = item('uncertain');
    expect(confirmUncertain(editor, uncertain)).not.toBeNull();
    expect(read().turns[0]!.content).toEqual([{ type: 'text', text: 'The GAC met.' }]);
    expect(confirmUncertain(editor, uncertain)).toBeNull();
    editor.undo();
    expect(read().turns[0]!.content[1]).toEqual({ type: 'uncertain', text: 'GAC', marker: '(?)' });
  });
});
