import { describe, expect, it } from 'vitest';
import { collectVttTimestamp, parseCueTimestamp, parseSrtTiming, parseVttTiming } from './parse-cue-timing.ts';

describe('collectVttTimestamp (the spec grammar, exactly)', () => {
  it.each([
    ['00:00.000', 0],
    ['59:59.999', 3599.999],
    ['00:00:00.000', 0],
    ['01:02:03.004', 3723.004],
    ['1:00:00.000', 3600],
    ['123:00:00.500', 442800.5],
    ['60:00:00.000', 216000],
  ])('%s is %d seconds', (text, seconds) => {
    expect(collectVttTimestamp(text, 0)).toEqual({ seconds, end: text.length });
  });

  it.each([
    ['00:00.00', 'WebVTT needs exactly three digits of milliseconds'],
    ['00:00.0000', 'WebVTT needs exactly three digits of milliseconds'],
    ['00:00:01,000', 'WebVTT needs a dot before the milliseconds, not a comma'],
    ['0:00.000', 'minutes and seconds need two digits each'],
    ['00:0.000', 'minutes and seconds need two digits each'],
    ['00:60.000', 'minutes and seconds go up to 59'],
    ['00:60:00.000', 'minutes and seconds go up to 59'],
    ['60:00.000', 'minutes go up to 59'],
    ['00:00:00', 'the milliseconds are missing'],
    ['x0:00.000', null],
    ['0000', null],
  ])('%s is not a timestamp (%s)', (text, hint) => {
    expect(collectVttTimestamp(text, 0)).toEqual({ hint });
  });
});

describe('cue timing lines', () => {
  it('WebVTT: whitespace (space, tab, form feed) is optional around the arrow, settings follow the end', () => {
    expect(parseVttTiming(' 00:01.000\t-->\f00:02.000 align:start')).toEqual({ start: 1, end: 2 });
    expect(parseVttTiming('00:01.000-->00:02.000')).toEqual({ start: 1, end: 2 });
    expect(parseVttTiming('--> 00:02.000')).toEqual({ failure: 'timing line `--> 00:02.000` has no start time' });
    expect(parseVttTiming('00:01.000 -->')).toEqual({ failure: 'timing line `00:01.000 -->` has no end time' });
  });

  it('SRT: hours optional, comma or dot, one to three fraction digits; trailing coordinates ignored', () => {
    expect(parseSrtTiming('00:00:01,5 --> 00:00:02.250 X1:10 X2:20')).toEqual({ start: 1.5, end: 2.25 });
    expect(parseSrtTiming('00:00:01 --> 00:00:02,000')).toEqual({ failure: 'timing `00:00:01` is not a valid time' });
    expect(parseSrtTiming('00:00:01,000 -->')).toEqual({ failure: 'timing line `00:00:01,000 -->` has no end time' });
    expect(parseCueTimestamp('1:02:03,004')).toBe(3723.004);
  });
});
