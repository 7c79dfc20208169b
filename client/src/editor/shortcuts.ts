/** The editor's keyboard shortcuts: one list drives both the key handler and the shortcut sheet. */
export const shortcuts = [
  { action: 'nextUncertain', keys: 'Alt+J', code: 'KeyJ', alt: true, label: 'Next uncertain span' },
  { action: 'previousUncertain', keys: 'Alt+K', code: 'KeyK', alt: true, label: 'Previous uncertain span' },
  { action: 'resolveUncertain', keys: 'Alt+R', code: 'KeyR', alt: true, label: 'Resolve uncertain span (keep the words)' },
  { action: 'rewriteUncertain', keys: 'Alt+W', code: 'KeyW', alt: true, label: 'Rewrite uncertain span' },
  { action: 'nextUnattributed', keys: 'Alt+A', code: 'KeyA', alt: true, label: 'Next turn without a speaker' },
  { action: 'changeSpeaker', keys: 'Alt+S', code: 'KeyS', alt: true, label: 'Change the speaker of this turn' },
  { action: 'insertEvent', keys: 'Alt+E', code: 'KeyE', alt: true, label: 'Insert a sound event' },
  { action: 'mergeTurn', keys: 'Alt+M', code: 'KeyM', alt: true, label: 'Merge with the previous turn' },
] as const;

export type ShortcutAction = (typeof shortcuts)[number]['action'];

/** Fixed keys that need no handler of ours, listed in the sheet. */
export const builtInShortcuts = [
  { keys: 'Enter', label: 'Split the turn at the cursor (the new turn asks for its speaker)' },
  { keys: 'Backspace at a turn’s start', label: 'Merge into the previous turn' },
  { keys: 'Shift+Enter', label: 'Paragraph break inside a turn' },
  { keys: 'Ctrl/⌘+Z, Ctrl/⌘+Shift+Z', label: 'Undo / redo your own edits (never other people’s)' },
  { keys: '?', label: 'This list (when not typing in the text)' },
  { keys: 'Escape', label: 'Close a menu or this list' },
] as const;

interface KeyLike {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The action bound to a key event, using `code` so Alt+letter works on macOS layouts too. */
export function matchShortcut(event: KeyLike): ShortcutAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return shortcuts.find((shortcut) => shortcut.code === event.code)?.action ?? null;
}
