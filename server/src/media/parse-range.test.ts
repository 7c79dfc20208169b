import { describe, expect, it } from 'vitest';
import { parseRange } from './parse-range.ts';

describe('parseRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=500-599', { start: 500, end: 599 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['BYTES=0-0', { start: 0, end: 0 }],
  ])('%s is one range within the file', (header, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=1000-1001', 'bytes=-0', 'bytes=0-1,5-6', 'bytes=0-10, 20-30, 40-50'])('%s is unsatisfiable (416)', (header) => {
    expect(parseRange(header, size)).toBe('unsatisfiable');
  });

  it.each([undefined, 'items=0-5', 'bytes=', 'bytes=-', 'bytes=abc', 'bytes=5-1', 'bytes=1e3-', 'bytes=0x10-20', 'bytes=99999999999999999-'])('%s is ignored: the whole file', (header) => {
    expect(parseRange(header, size)).toBeNull();
  });

  it('refuses any range of an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-1', 0)).toBe('unsatisfiable');
  });
});
