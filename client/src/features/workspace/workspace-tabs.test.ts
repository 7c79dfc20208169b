import { describe, expect, it } from 'vitest';
import { builtInShortcuts, shortcuts } from '../../editor/shortcuts.ts';
import { matchWorkspaceShortcut, workspaceShortcuts } from './workspace-tabs.ts';

const key = (code: string, patch: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({ code, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...patch });

describe('workspace shortcuts', () => {
  it('map Alt+digits to tabs and Alt+0 to the panel, and nothing else', () => {
    expect(matchWorkspaceShortcut(key('Digit2'))).toBe('find');
    expect(matchWorkspaceShortcut(key('Digit4'))).toBe('comments');
    expect(matchWorkspaceShortcut(key('Digit0'))).toBe('toggle');
    expect(matchWorkspaceShortcut(key('Digit2', { ctrlKey: true }))).toBeNull();
    expect(matchWorkspaceShortcut(key('Digit2', { altKey: false }))).toBeNull();
    expect(matchWorkspaceShortcut(key('Digit9'))).toBeNull();
  });

  it('never collide with the editor’s own keys', () => {
    const all = [...builtInShortcuts, ...shortcuts, ...workspaceShortcuts].map((shortcut) => shortcut.keys);
    expect(new Set(all).size).toBe(all.length);
  });
});
