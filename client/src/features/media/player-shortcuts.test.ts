import { describe, expect, it } from 'vitest';
import { matchPlayerShortcut, stepRate } from './player-shortcuts.ts';

const key = (key: string, extra: Partial<{ code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  code: extra.code ?? key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('matchPlayerShortcut', () => {
  it('maps oTranscribe keys and Ctrl+Space', () => {
    const free = { isEscapeTaken: false };
    expect(matchPlayerShortcut(key('Escape'), free)).toBe('togglePlay');
    expect(matchPlayerShortcut(key(' ', { code: 'Space', ctrlKey: true }), free)).toBe('togglePlay');
    expect(['F1', 'F2', 'F3', 'F4'].map((name) => matchPlayerShortcut(key(name), free))).toEqual(['rewind', 'forward', 'slower', 'faster']);
    expect(matchPlayerShortcut(key('t', { code: 'KeyT', altKey: true }), free)).toBe('timeTurn');
    expect(matchPlayerShortcut(key('T', { code: 'KeyT', altKey: true, shiftKey: true }), free)).toBe('splitTurn');
    expect(matchPlayerShortcut(key('t', { code: 'KeyT', altKey: true, ctrlKey: true }), free)).toBeNull();
  });

  it('leaves Escape to an open dialog or menu, and plain typing alone', () => {
    expect(matchPlayerShortcut(key('Escape'), { isEscapeTaken: true })).toBeNull();
    expect(matchPlayerShortcut(key(' ', { code: 'Space' }), { isEscapeTaken: false })).toBeNull();
    expect(matchPlayerShortcut(key('t', { code: 'KeyT' }), { isEscapeTaken: false })).toBeNull();
    expect(matchPlayerShortcut(key('F1', { shiftKey: true }), { isEscapeTaken: false })).toBeNull();
  });
});

describe('stepRate', () => {
  it('steps within 0.5–2×', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1, -1)).toBe(0.75);
    expect(stepRate(2, 1)).toBe(2);
    expect(stepRate(0.5, -1)).toBe(0.5);
  });
});
