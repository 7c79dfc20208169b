import { describe, expect, it } from 'vitest';
import { createProgressParser, parseProgressLine, percentDone } from './parse-ffmpeg-progress.ts';

describe('parseProgressLine', () => {
  it('reads out_time_us, out_time_ms (microseconds in ffmpeg 4.1) and out_time', () => {
    expect(parseProgressLine('out_time_us=1500000')).toBe(1500);
    expect(parseProgressLine('out_time_ms=2500000')).toBe(2500);
    expect(parseProgressLine('out_time=01:02:03.500000')).toBe(3_723_500);
  });
  it('ignores other keys and malformed values', () => {
    for (const line of ['frame=12', 'progress=continue', 'out_time_ms=N/A', 'out_time=garbage', 'out_time_us=-5', '', 'bitrate=128.0kbits/s']) expect(parseProgressLine(line)).toBeNull();
  });
});

describe('percentDone', () => {
  it('is a floor of the fraction, held at 99 until done, 0 without a duration', () => {
    expect(percentDone(400, 1000)).toBe(40);
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(5000, 1000)).toBe(99);
    expect(percentDone(500, 0)).toBe(0);
    expect(percentDone(Number.NaN, 1000)).toBe(0);
  });
});

describe('createProgressParser', () => {
  it('joins lines split across chunks and reports only forward moves', () => {
    const seen: number[] = [];
    const push = createProgressParser(10_000, (percent) => seen.push(percent));
    push('frame=0\nout_time_ms=10000');
    push('00\nprogress=continue\nout_time_ms=1000000\n');
    push(Buffer.from('out_time=00:00:07.000000\nout_time_ms=7000000\nout_time_ms=500000\n'));
    push('out_time_us=12000000\nprogress=end\n');
    expect(seen).toEqual([10, 70, 99]);
  });
  it('keeps a bounded carry when no newline ever comes', () => {
    const seen: number[] = [];
    const push = createProgressParser(1000, (percent) => seen.push(percent));
    for (let i = 0; i < 1000; i += 1) push('x'.repeat(1000));
    push('\nout_time_ms=500000\n');
    expect(seen).toEqual([50]);
  });
});
