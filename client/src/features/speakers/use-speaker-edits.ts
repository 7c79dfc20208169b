import { useCallback, useState } from 'react';
import type * as Y from 'yjs';
import { mergeSpeakersInDoc, updateSpeakerInDoc, type UpdateSpeakerRequest } from '@verity/common';
import { isLatestStep, runUndoableEdit } from '../../editor/undoable-edit.ts';
import type { TranscriptEditor } from '../../editor/types.ts';

/** The origin of the Speakers panel's edits: the editor's undo manager tracks it besides typing. */
export const speakerEditOrigin = { name: 'speakers-panel' };

/**
 * Renames and merges speakers on this person's live copy of the document, through the shared
 * document's edits (common/src/collab/doc-edits): the server stores each as their change, every open
 * editor and panel shows it at once, and undo reverts a merge as one step. Remembers the last change
 * so the panel can offer to undo it while it is still the person's latest.
 */
export function useSpeakerEdits(doc: Y.Doc, editor: TranscriptEditor | null) {
  const [last, setLast] = useState<{ step: unknown; message: string } | null>(null);

  const rename = useCallback(
    (speakerId: string, changes: UpdateSpeakerRequest) => {
      const { step } = runUndoableEdit(doc, editor, speakerEditOrigin, (origin) => updateSpeakerInDoc(doc, speakerId, changes, origin));
      setLast(step ? { step, message: 'Speaker saved.' } : null);
    },
    [doc, editor],
  );

  const merge = useCallback(
    (into: { id: string; name: string }, from: { id: string; name: string }) => {
      const { result, step } = runUndoableEdit(doc, editor, speakerEditOrigin, (origin) => mergeSpeakersInDoc(doc, into.id, [from.id], origin));
      setLast({ step, message: `Merged ‘${from.name}’ into ‘${into.name}’ (${result} turn${result === 1 ? '' : 's'} moved).` });
    },
    [doc, editor],
  );

  const canUndo = isLatestStep(editor, last?.step);
  const undo = useCallback(() => {
    // Checked again on click: the person may have typed since the panel last rendered.
    if (!editor || !isLatestStep(editor, last?.step)) {
      setLast((current) => (current ? { step: null, message: `${current.message} Later edits came after it: undo with Ctrl+Z in the text.` } : current));
      return;
    }
    editor.undo();
    setLast({ step: null, message: 'Undone.' });
  }, [editor, last]);

  return { rename, merge, undo, canUndo, message: last?.message ?? null };
}
