import { describe, expect, it } from 'vitest';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor } from 'slate';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, readTranscriptDoc, transcriptSchema, type Segment } from '@verity/common';
import { connectEditor } from './connect-editor.ts';
import { withTranscript } from './with-transcript.ts';

const event: Segment = { type: 'event', label: 'Laughter', raw: '[ Laughter ]' };
const text = (words: string): Segment => ({ type: 'text', text: words });

/** Turns whose content puts event chips where Slate's rules need text around them, among plain ones. */
const contents: Segment[][] = [
  [text('Plain words.')],
  [event],
  [event, text(' after a chip')],
  [text('before a chip '), event],
  [text('two chips '), event, event, text(' in a row')],
  [{ type: 'uncertain', text: 'GAC', marker: '(?)' }, text(' said so.')],
  [],
  [text('Plain again.')],
];

function transcriptDoc(): Y.Doc {
  const transcript = transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: {},
    speakers: [{ id: 's1', label: 'ADA', displayName: 'ADA' }],
    turns: contents.map((content, k) => ({ id: `t${k + 1}`, speakerId: k % 2 ? 's1' : null, start: null, end: null, content })),
    notes: [],
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(createTranscriptDoc(transcript)));
  return doc;
}

/** The editor as the client makes it (Yjs binding under the transcript's rules), on its own copy of the document. */
function unboundEditor() {
  const doc = transcriptDoc();
  const editor = withTranscript(withYjs(createEditor(), doc.get(contentKey, Y.XmlText)));
  return { doc, editor };
}

describe('connectEditor', () => {
  it('binds to the same Slate value as connect with its forced pass over every node, and writes the same to the document', () => {
    const reference = unboundEditor();
    YjsEditor.connect(reference.editor);
    YjsEditor.flushLocalChanges(reference.editor);
    const fast = unboundEditor();
    connectEditor(fast.editor);
    YjsEditor.flushLocalChanges(fast.editor);

    expect(fast.editor.children).toEqual(reference.editor.children);
    expect(readTranscriptDoc(fast.doc)).toEqual(readTranscriptDoc(reference.doc));
    expect(YjsEditor.connected(fast.editor)).toBe(true);
    // The chips did need Slate's repairs (text on both sides): the comparison is not of two no-ops.
    const lone = fast.editor.children[1];
    expect(lone && 'children' in lone ? lone.children.map((child) => ('text' in child ? 'text' : child.type)) : []).toEqual(['text', 'event', 'text']);
    expect(Editor.isNormalizing(fast.editor)).toBe(true);
  });

  it('skips the blocks that cannot need normalizing: the transcript rules run only on those with chips, and on the root', () => {
    const { editor } = unboundEditor();
    const visited: string[] = [];
    const { normalizeNode } = editor;
    editor.normalizeNode = (entry, options) => {
      if (entry[1].length <= 1) visited.push(entry[1].length === 0 ? 'root' : `turn ${(entry[1][0] ?? 0) + 1}`);
      normalizeNode(entry, options);
    };
    connectEditor(editor);
    expect(new Set(visited)).toEqual(new Set(['turn 2', 'turn 3', 'turn 4', 'turn 5', 'root']));
  });
});
