import type { CursorEditor, YHistoryEditor, YjsEditor } from '@slate-yjs/core';
import type { BaseEditor } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { EventElement, NoteElement, TranscriptText, TurnElement } from '@verity/common';

export type { EventElement, NoteElement, TranscriptText, TurnElement };

/** What each user publishes with their cursor (awareness field `data`). */
export interface CursorData extends Record<string, unknown> {
  userId: string;
  name: string;
  color: string;
}

/** The live editor: Slate + React + the Yjs binding, per-user undo and remote cursors. */
export type TranscriptEditor = BaseEditor & ReactEditor & YjsEditor & YHistoryEditor & CursorEditor<CursorData>;

// The single declaration of the document's Slate types; the shape itself is the contract in common/.
declare module 'slate' {
  interface CustomTypes {
    Editor: TranscriptEditor;
    Element: TurnElement | NoteElement | EventElement;
    Text: TranscriptText;
  }
}
