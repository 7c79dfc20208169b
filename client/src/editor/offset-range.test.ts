import { describe, expect, it } from 'vitest';
import { createEditor } from 'slate';
import type { TranscriptEditor } from './types.ts';
import { blockOffsetRange } from './offset-range.ts';

describe('blockOffsetRange', () => {
  it('maps Yjs offsets (an event chip counts one) to Slate points across leaves', () => {
    const editor = createEditor() as TranscriptEditor;
    editor.children = [
      { type: 'turn', id: 't1', speakerId: null, start: null, end: null, children: [{ text: 'Ask ' }, { text: 'GAC', uncertain: '(?)' }, { text: ' ' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]', children: [{ text: '' }] }, { text: ' GAC.' }] },
    ];
    expect(blockOffsetRange(editor, 't1', 4, 7)).toEqual({ anchor: { path: [0, 0], offset: 4 }, focus: { path: [0, 1], offset: 3 } });
    expect(blockOffsetRange(editor, 't1', 10, 13)).toEqual({ anchor: { path: [0, 4], offset: 1 }, focus: { path: [0, 4], offset: 4 } });
    expect(blockOffsetRange(editor, 't1', 10, 99)).toBeNull();
    expect(blockOffsetRange(editor, 'gone', 0, 1)).toBeNull();
  });
});
