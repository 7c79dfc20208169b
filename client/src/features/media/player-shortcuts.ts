/** What a player shortcut does. */
export type PlayerAction = 'togglePlay' | 'rewind' | 'forward' | 'slower' | 'faster' | 'timeTurn' | 'splitTurn';

/**
 * The player's keys, oTranscribe-style (Esc play/pause, F1–F4 rewind/forward/slower/faster) plus
 * Ctrl+Space, Alt+T to time the turn at the cursor and Alt+Shift+T to split it there. They work while
 * typing in the text; the split is the text's own edit, so the editor handles it (`splitTurn`).
 */
export const playerShortcuts = [
  { action: 'togglePlay', keys: 'Esc or Ctrl+Space', label: 'Play / pause the recording (works while typing)' },
  { action: 'rewind', keys: 'F1', label: 'Back 3 seconds' },
  { action: 'forward', keys: 'F2', label: 'Forward 3 seconds' },
  { action: 'slower', keys: 'F3', label: 'Slower (down to 0.5×)' },
  { action: 'faster', keys: 'F4', label: 'Faster (up to 2×)' },
  { action: 'timeTurn', keys: 'Alt+T', label: 'Set the start of the turn at the cursor to the playhead' },
  { action: 'splitTurn', keys: 'Alt+Shift+T', label: 'Split the turn at the cursor; the new turn starts at the playhead' },
] as const satisfies readonly { action: PlayerAction; keys: string; label: string }[];

interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The player action for a key event, or null. Escape only when nothing else wants it: a dialog, menu or
 * form field (`isEscapeTaken`) keeps its own Escape.
 */
export function matchPlayerShortcut(event: KeyLike, options: { isEscapeTaken: boolean }): PlayerAction | null {
  const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
  if (event.key === 'Escape' && plain && !options.isEscapeTaken) return 'togglePlay';
  if (event.code === 'Space' && event.ctrlKey && !event.altKey && !event.metaKey) return 'togglePlay';
  if (plain && event.key === 'F1') return 'rewind';
  if (plain && event.key === 'F2') return 'forward';
  if (plain && event.key === 'F3') return 'slower';
  if (plain && event.key === 'F4') return 'faster';
  if (event.code === 'KeyT' && event.altKey && !event.ctrlKey && !event.metaKey) return event.shiftKey ? 'splitTurn' : 'timeTurn';
  return null;
}

/** Playback rates the speed control steps through. */
export const playbackRates = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next rate up or down from `rate`, within 0.5–2×. */
export function stepRate(rate: number, direction: 1 | -1): number {
  const index = playbackRates.findIndex((candidate) => candidate >= rate - 1e-9);
  const current = index === -1 ? playbackRates.length - 1 : index;
  return playbackRates[Math.min(playbackRates.length - 1, Math.max(0, current + direction))]!;
}
