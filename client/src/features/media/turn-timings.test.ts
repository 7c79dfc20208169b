import { describe, expect, it } from 'vitest';
import { findPlayingTurn } from './turn-timings.ts';

describe('findPlayingTurn', () => {
  const turns = [
    { id: 'a', start: 0 },
    { id: 'b', start: null },
    { id: 'c', start: 10 },
    { id: 'd', start: 25.5 },
  ];
  it('is the last timed turn starting at or before the playhead', () => {
    expect(findPlayingTurn(turns, 0)?.id).toBe('a');
    expect(findPlayingTurn(turns, 9.99)?.id).toBe('a');
    expect(findPlayingTurn(turns, 10)?.id).toBe('c');
    expect(findPlayingTurn(turns, 100)?.id).toBe('d');
  });
  it('is none before the first timed turn or without timings', () => {
    expect(findPlayingTurn([{ id: 'x', start: 5 }], 1)).toBeNull();
    expect(findPlayingTurn([{ id: 'x', start: null }], 1)).toBeNull();
  });
});
