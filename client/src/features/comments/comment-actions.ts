import { createContext, useContext } from 'react';

/** Starting a comment from the editor (toolbar button, shortcut): the workspace opens the Comments tab with a draft. */
export interface CommentActions {
  canComment: boolean;
  /** Drafts a comment on the editor's selection and shows it in the Comments tab. */
  startComment: () => void;
  /** Commented words were clicked: their thread becomes the current one in the Comments tab. */
  showComment: (commentId: string) => void;
  /** A turn's comment marker was clicked: the Comments tab opens on that thread. */
  openComment: (commentId: string) => void;
}

export const CommentActionsContext = createContext<CommentActions>({ canComment: false, startComment: () => undefined, showComment: () => undefined, openComment: () => undefined });

/** The workspace's comment actions (none outside a workspace). */
export function useCommentActions(): CommentActions {
  return useContext(CommentActionsContext);
}

/** Ctrl+Alt+M (⌘+Option+M), as in other editors: comment on the selected words. */
export const addCommentShortcut = { keys: 'Ctrl/⌘+Alt+M', code: 'KeyM', label: 'Comment on the selected words' } as const;

/** True for the add-comment key (by `code`, so Option on macOS typing a character does not matter). */
export function isAddCommentShortcut(event: { code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): boolean {
  return event.code === addCommentShortcut.code && event.altKey && (event.ctrlKey || event.metaKey) && !event.shiftKey;
}
