import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { TranscriptEditor } from '../../editor/types.ts';

/** The live document and its bound editor, for tools outside the text (the docked player); null until bound. */
export const LiveEditorContext = createContext<{ doc: Y.Doc; editor: TranscriptEditor } | null>(null);

/** The live document and bound editor, so a tool's edit is the person's own undoable change; null until bound. */
export const useLiveEditor = () => useContext(LiveEditorContext);
