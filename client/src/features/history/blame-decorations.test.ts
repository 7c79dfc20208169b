import { describe, expect, it } from 'vitest';
import type { TurnBlame, TurnElement } from '@verity/common';
import { blameRanges, isBlameCurrent } from './blame-decorations.ts';

const turn: TurnElement = {
  type: 'turn',
  id: 't1',
  speakerId: null,
  start: null,
  end: null,
  children: [{ text: 'Hello there ' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]', children: [{ text: '' }] }, { text: ' world' }],
};
const blame: TurnBlame = {
  turnId: 't1',
  number: 1,
  lastChangedBy: { id: 'b', displayName: 'Bea' },
  lastChangedAt: null,
  spans: [
    { text: 'Hello ', authorId: null },
    { text: 'there [ Laughter ] ', authorId: 'a' },
    { text: 'world', authorId: 'b' },
  ],
};
const people = new Map([
  ['a', { id: 'a', displayName: 'Ada' }],
  ['b', { id: 'b', displayName: 'Bea' }],
]);

describe('blameRanges', () => {
  it('maps word runs onto the text leaves, counting an event chip as its raw marker', () => {
    expect(blameRanges(turn, 3, blame, people)).toEqual([
      { anchor: { path: [3, 0], offset: 0 }, focus: { path: [3, 0], offset: 6 }, blameAuthor: 'the import' },
      { anchor: { path: [3, 0], offset: 6 }, focus: { path: [3, 0], offset: 12 }, blameAuthor: 'Ada' },
      { anchor: { path: [3, 2], offset: 0 }, focus: { path: [3, 2], offset: 1 }, blameAuthor: 'Ada' },
      { anchor: { path: [3, 2], offset: 1 }, focus: { path: [3, 2], offset: 6 }, blameAuthor: 'Bea' },
    ]);
  });

  it('labels nothing in a turn edited since the blame was fetched', () => {
    const edited: TurnElement = { ...turn, children: [{ text: 'Hello there, ' }, ...turn.children.slice(1)] };
    expect(isBlameCurrent(edited, blame)).toBe(false);
    expect(blameRanges(edited, 0, blame, people)).toEqual([]);
    expect(blameRanges(turn, 0, undefined, people)).toEqual([]);
  });
});
