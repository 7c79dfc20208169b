import { YjsEditor } from '@slate-yjs/core';
import type * as Y from 'yjs';
import { speakersKey } from '@verity/common';
import type { TranscriptEditor } from './types.ts';

/**
 * Runs `edit` on the shared document as this person's own change, with `origin`, as one step of the
 * editor's undo history: Ctrl+Z in the text (or a panel's Undo while `isLatestStep`) reverts exactly it, for its author only,
 * like their typing. The roster joins the undo manager's scope, so speaker edits are undone too (by
 * default it covers the text alone). Without an editor (not bound yet) the edit is still applied and
 * attributed, just not undoable. Returns the edit's result and its undo step (null when none).
 */
export function runUndoableEdit<R>(doc: Y.Doc, editor: TranscriptEditor | null, origin: object, edit: (origin: object) => R): { result: R; step: unknown } {
  if (!editor) return { result: edit(origin), step: null };
  const undoManager = editor.undoManager;
  addRosterToUndo(doc, editor);
  undoManager.addTrackedOrigin(origin);
  // Its own step: typing not yet handed to Yjs goes first, and neither it nor later typing joins the step.
  YjsEditor.flushLocalChanges(editor);
  undoManager.stopCapturing();
  const depth = undoManager.undoStack.length;
  const result = edit(origin);
  // An edit made with Slate operations (a mark removed) reaches the document when the binding flushes: now, inside this step.
  YjsEditor.flushLocalChanges(editor);
  undoManager.stopCapturing();
  return { result, step: undoManager.undoStack.length > depth ? (undoManager.undoStack.at(-1) ?? null) : null };
}

/** True while `step` is still the person's latest change, so undoing it undoes nothing else. */
export function isLatestStep(editor: TranscriptEditor | null, step: unknown): boolean {
  return Boolean(editor && step && editor.undoManager.undoStack.at(-1) === step);
}

/** Puts the speaker roster in the editor's undo scope (by default it covers the text alone). */
export function addRosterToUndo(doc: Y.Doc, editor: TranscriptEditor): void {
  editor.undoManager.addToScope(doc.getMap(speakersKey));
}
