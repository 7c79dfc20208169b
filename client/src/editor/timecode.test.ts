import { describe, expect, it } from 'vitest';
import { formatTimecode, parseTimecode } from './timecode.ts';

describe('timecodes', () => {
  it('formats and parses round trip', () => {
    expect(formatTimecode(3723.5)).toBe('1:02:03.5');
    expect(formatTimecode(65)).toBe('1:05');
    for (const seconds of [0, 5, 65, 3723.5, 7200]) expect(parseTimecode(formatTimecode(seconds))).toBe(seconds);
  });

  it('rejects what is not a time', () => {
    expect(parseTimecode('1:75')).toBeNull();
    expect(parseTimecode('abc')).toBeNull();
    expect(parseTimecode('90')).toBe(90);
  });
});
