import { describe, expect, it } from 'vitest';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Transforms } from 'slate';
import * as Y from 'yjs';
import { contentKey, createCommentAnchor, createTranscriptDoc, readAnchorText, resolveCommentAnchor, transcriptSchema, type CommentAnchor } from '@verity/common';

/** A Slate editor bound to a live document the way the client binds it, on a two-turn transcript. */
function boundEditor() {
  const doc = createTranscriptDoc(
    transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: { title: 'x' },
      speakers: [],
      turns: [
        { id: 't1', speakerId: null, content: [{ type: 'text', text: 'Opening words.' }] },
        { id: 't2', speakerId: null, content: [{ type: 'text', text: 'The GAC met in Geneva.' }] },
      ],
      notes: [],
    }),
  );
  const editor = withYjs(createEditor(), doc.get(contentKey, Y.XmlText));
  YjsEditor.connect(editor);
  const anchor = createCommentAnchor(doc, { blockId: 't2', start: 4, end: 11 })!; // "GAC met"
  return { doc, editor, anchor };
}

/** Runs an editor operation and pushes it into the document now (the binding otherwise flushes on the next tick). */
function run(editor: YjsEditor, operation: () => void): void {
  operation();
  YjsEditor.flushLocalChanges(editor);
}

const quoted = (doc: Y.Doc, anchor: CommentAnchor) => {
  const range = resolveCommentAnchor(doc, anchor);
  return range ? readAnchorText(doc, range) : null;
};

describe('comment anchors through the editor’s own operations', () => {
  it('follow typing before and inside the words, and deleting across their start', () => {
    const { doc, editor, anchor } = boundEditor();
    run(editor, () => Transforms.insertText(editor, 'Well, ', { at: { path: [1, 0], offset: 0 } }));
    run(editor, () => Transforms.insertText(editor, ' really', { at: { path: [1, 0], offset: 13 } }));
    expect(quoted(doc, anchor)).toBe('GAC really met');
    run(editor, () => Transforms.delete(editor, { at: { anchor: { path: [1, 0], offset: 6 }, focus: { path: [1, 0], offset: 14 } } })); // "The GAC "
    expect(quoted(doc, anchor)).toBe('really met');
  });

  it('keep the part before a split inside the words, and detach when their turn is merged into the previous one', () => {
    const { doc, editor, anchor } = boundEditor();
    run(editor, () => Transforms.splitNodes(editor, { at: { path: [1, 0], offset: 8 }, always: true })); // "The GAC " | "met in Geneva."
    expect(quoted(doc, anchor)).toBe('GAC ');
    const other = boundEditor();
    run(other.editor, () => Transforms.mergeNodes(other.editor, { at: [1] }));
    expect(resolveCommentAnchor(other.doc, other.anchor)).toBeNull();
  });
});
