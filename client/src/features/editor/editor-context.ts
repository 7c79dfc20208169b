import { createContext, useContext } from 'react';
import type { Speaker } from '@verity/common';

/** Stable actions the element renderers call; kept apart from data so chips don't re-render on edits. */
export interface EditorActions {
  canEdit: boolean;
  openRoster: (turnId: string, anchor: HTMLElement) => void;
  setTimecode: (turnId: string, field: 'start' | 'end', seconds: number | null) => void;
  removeEvent: (element: object) => void;
}

export const EditorActionsContext = createContext<EditorActions>({
  canEdit: false,
  openRoster: () => undefined,
  setTimecode: () => undefined,
  removeEvent: () => undefined,
});

/** Speakers by id; changes only when the roster changes. */
export const SpeakersContext = createContext<ReadonlyMap<string, Speaker>>(new Map());

export const useEditorActions = () => useContext(EditorActionsContext);
export const useSpeakerMap = () => useContext(SpeakersContext);
