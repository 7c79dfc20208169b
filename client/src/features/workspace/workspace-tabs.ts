import { addCommentShortcut } from '../comments/comment-actions.ts';

/**
 * The side panel's tabs, in order; Alt+<digit> chooses one (by `code`, so it works on every layout
 * and macOS's Option+digit does not type a character), Alt+0 shows or hides the panel. One list drives
 * the tab bar, the key handler and the shortcut sheet.
 */
export const workspaceTabs = [
  { id: 'queue', label: 'Queue', keys: 'Alt+1', code: 'Digit1' },
  { id: 'find', label: 'Find', keys: 'Alt+2', code: 'Digit2' },
  { id: 'speakers', label: 'Speakers', keys: 'Alt+3', code: 'Digit3' },
  { id: 'comments', label: 'Comments', keys: 'Alt+4', code: 'Digit4' },
  { id: 'glossary', label: 'Glossary', keys: 'Alt+5', code: 'Digit5' },
  { id: 'history', label: 'History', keys: 'Alt+6', code: 'Digit6' },
  { id: 'review', label: 'Review & export', keys: 'Alt+7', code: 'Digit7' },
  { id: 'members', label: 'Members', keys: 'Alt+8', code: 'Digit8' },
] as const;

export type WorkspaceTab = (typeof workspaceTabs)[number]['id'];

export const togglePanelShortcut = { keys: 'Alt+0', code: 'Digit0', label: 'Show or hide the side panel' } as const;

/** The review queue's keys (they work wherever the focus is, once the queue has been opened). */
export const queueShortcuts = [
  { keys: 'Alt+N', code: 'KeyN', direction: 1, label: 'Queue: next open item' },
  { keys: 'Alt+P', code: 'KeyP', direction: -1, label: 'Queue: previous open item' },
] as const;

/** In the text, on a word the glossary flags: apply its fix (the popover by the word offers the same). */
export const glossaryShortcut = { keys: 'Alt+G', code: 'KeyG', label: 'Glossary: fix the flagged word at the cursor' } as const;

/** Rows for the shortcut sheet. */
export const workspaceShortcuts = [...workspaceTabs.map((tab) => ({ keys: tab.keys, label: `Side panel: ${tab.label}` })), togglePanelShortcut, ...queueShortcuts, addCommentShortcut, glossaryShortcut];

/** What an Alt+digit key event asks for, if anything. */
export function matchWorkspaceShortcut(event: { code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): WorkspaceTab | 'toggle' | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.code === togglePanelShortcut.code) return 'toggle';
  return workspaceTabs.find((tab) => tab.code === event.code)?.id ?? null;
}
