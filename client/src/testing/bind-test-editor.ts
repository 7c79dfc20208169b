import { withYHistory, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor } from 'slate';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, type Transcript } from '@verity/common';
import type { TranscriptEditor } from '../editor/types.ts';

/**
 * For tests: a Slate editor with undo history bound to its own replica of the transcript's live
 * document, as the client has it after the first sync (a replica, not the server's built copy).
 */
export function bindTestEditor(transcript: Transcript): { doc: Y.Doc; editor: TranscriptEditor } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(createTranscriptDoc(transcript)));
  const editor = withYHistory(withYjs(createEditor(), doc.get(contentKey, Y.XmlText))) as unknown as TranscriptEditor;
  YjsEditor.connect(editor);
  return { doc, editor };
}
