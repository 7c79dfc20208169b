import { describe, expect, it } from 'vitest';
import { readCaptions } from './fixtures/read-captions.ts';
import { readFixture } from './fixtures/read-fixture.ts';
import { parseTranscript } from './parse-transcript.ts';

const readVtt = (text: string | Uint8Array, joinConsecutiveCues = false) => readCaptions(text, 'vtt', joinConsecutiveCues);
const cue = (timing: string, text: string) => `${timing}\n${text}\n`;
const file = (...blocks: string[]) => `WEBVTT\n\n${blocks.join('\n')}`;

describe('WebVTT: a bad block is skipped, the rest kept (the issue, bullet by bullet)', () => {
  it.each([
    ['00:00:60.000', 'seconds above 59', 'minutes and seconds go up to 59'],
    ['0000:00.000', 'a four-digit first field is hours, so minutes and seconds must follow', 'minutes and seconds need two digits each'],
    ['00::00:00.000', 'an empty field', 'minutes and seconds need two digits each'],
  ])('an unparseable timing %s (%s) skips that cue only', (bad, _why, hint) => {
    const { turns, warnings } = readVtt(file(cue('00:01.000 --> 00:02.000', 'Before.'), cue(`${bad} --> 00:00:59.000`, 'Lost.'), cue('00:03.000 --> 00:04.000', 'After.')));
    expect(turns).toEqual([
      [null, 1, 2, 'Before.'],
      [null, 3, 4, 'After.'],
    ]);
    expect(warnings).toEqual([`line 6: timing \`${bad}\` is not a valid time (${hint}); the cue was skipped`]);
  });

  it('an identifier line containing "-->" is skipped on its own; the cue under it is kept', () => {
    const { turns, warnings } = readVtt(file('intro --> part 1\n00:01.000 --> 00:02.000\nKept.\n'));
    expect(turns).toEqual([[null, 1, 2, 'Kept.']]);
    expect(warnings).toEqual(['line 3: timing `intro` is not a valid time; the line was skipped']);
  });

  it('a "-->" line inside cue text ends the cue and starts the next block', () => {
    const { turns, warnings } = readVtt(file('00:01.000 --> 00:02.000\nFirst line\nA --> B\nlost with the bad block\n\n00:03.000 --> 00:04.000\nNext.\n'));
    expect(turns).toEqual([
      [null, 1, 2, 'First line'],
      [null, 3, 4, 'Next.'],
    ]);
    expect(warnings).toEqual(['line 5: timing `A` is not a valid time; the cue was skipped']);
  });

  it('a style block left after the first cue is ignored with a warning; later cues are kept', () => {
    const { turns, warnings } = readVtt(file(cue('00:01.000 --> 00:02.000', 'One.'), 'STYLE\n::cue { color: red }\n', cue('00:03.000 --> 00:04.000', 'Two.')));
    expect(turns.map((turn) => turn[3])).toEqual(['One.', 'Two.']);
    expect(warnings).toEqual(['line 6: a STYLE block after the first cue is ignored (it must come before the cues)']);
  });

  it('a cue whose end is before its start is kept (as the spec does), its end set to its start', () => {
    const { turns, warnings } = readVtt(file(cue('00:05.000 --> 00:04.000', 'Backwards.')));
    expect(turns).toEqual([[null, 5, 5, 'Backwards.']]);
    expect(warnings).toEqual(['line 3: the cue ends at 00:00:04.000, before it starts at 00:00:05.000; it was kept with its end set to its start']);
  });

  it('a header line directly followed by a cue (no blank line) still has that cue', () => {
    expect(readVtt('WEBVTT\n00:01.000 --> 00:02.000\nHello.\n')).toMatchObject({ turns: [[null, 1, 2, 'Hello.']], warnings: [] });
    const withHeader = readVtt('WEBVTT - Title\nLanguage: fr\n00:01.000 --> 00:02.000\nBonjour.');
    expect(withHeader.turns).toEqual([[null, 1, 2, 'Bonjour.']]);
    expect(withHeader.transcript.metadata).toMatchObject({ title: 'Title', language: 'fr' });
  });

  it('form feeds and vertical tabs (old encoders) are neither binary data nor lost cues', () => {
    const text = `WEBVTT\n\n00:01.000\f-->\f00:02.000\nPage\fone\n\n${Array.from({ length: 30 }, (_value, index) => `00:${String(10 + index).padStart(2, '0')}.000 --> 00:${String(10 + index).padStart(2, '0')}.500\n\u000bLine ${index}\f\n`).join('\n')}`;
    const { turns, warnings } = readVtt(new TextEncoder().encode(text));
    expect(turns[0]).toEqual([null, 1, 2, 'Page one']);
    expect(turns).toHaveLength(31);
    expect(turns[30]).toEqual([null, 39, 39.5, 'Line 29']);
    expect(warnings).toEqual([]);
  });

  it('NUL bytes become U+FFFD, with one warning, instead of refusing the file', () => {
    const bytes = new TextEncoder().encode('WEBVTT\n\n00:01.000 --> 00:02.000\nA\0B\n\n00:03.000 --> 00:04.000\n\0\n');
    const { turns, warnings, transcript } = readVtt(bytes);
    expect(turns).toEqual([
      [null, 1, 2, 'A\uFFFDB'],
      [null, 3, 4, '\uFFFD'],
    ]);
    expect(warnings).toEqual(['line 4: 2 NUL characters were replaced by U+FFFD (\uFFFD)']);
    expect(JSON.stringify(transcript)).not.toContain('\\u0000');
  });

  it('CR, LF and CRLF are all line terminators, with the same line numbers', () => {
    const lf = file(cue('00:01.000 --> 00:02.000', 'One.'), cue('00:00:60.000 --> 00:03.000', 'Bad.'), cue('00:03.000 --> 00:04.000', 'Three.'));
    const expected = readVtt(lf);
    expect(expected.warnings).toEqual(['line 6: timing `00:00:60.000` is not a valid time (minutes and seconds go up to 59); the cue was skipped']);
    for (const terminator of ['\r', '\r\n']) {
      const other = readVtt(new TextEncoder().encode(lf.replaceAll('\n', terminator)));
      expect({ turns: other.turns, warnings: other.warnings }).toEqual({ turns: expected.turns, warnings: expected.warnings });
    }
  });

  it('what the spec drops is dropped: two-digit fractions, comma separators, one-digit minutes', () => {
    const { turns, warnings } = readVtt(
      file(cue('00:00:00.00 --> 00:00:01.000', 'Two digits.'), cue('00:00:01,000 --> 00:00:02,000', 'Commas.'), cue('0:03.000 --> 0:04.000', 'One digit.'), cue('00:05.000 --> 00:06.000', 'Valid.')),
    );
    expect(turns).toEqual([[null, 5, 6, 'Valid.']]);
    expect(warnings).toEqual([
      'line 3: timing `00:00:00.00` is not a valid time (WebVTT needs exactly three digits of milliseconds); the cue was skipped',
      'line 6: timing `00:00:01,000` is not a valid time (WebVTT needs a dot before the milliseconds, not a comma); the cue was skipped',
      'line 9: timing `0:03.000` is not a valid time (minutes and seconds need two digits each); the cue was skipped',
    ]);
  });

  it('a timing needs no spaces around the arrow, and anything after the end time is settings', () => {
    expect(readVtt(file(cue('00:01.000-->00:02.000', 'Tight.'), cue('00:03.000 --> 00:04.000line:0', 'Glued settings.'))).turns).toEqual([
      [null, 1, 2, 'Tight.'],
      [null, 3, 4, 'Glued settings.'],
    ]);
    expect(readVtt(file(cue('00:01.000 --> 00:02.0000', 'Four fraction digits.'), cue('00:03.000 --> 00:04.000', 'Ok.'))).warnings).toEqual([
      'line 3: timing `00:02.0000` is not a valid time (WebVTT needs exactly three digits of milliseconds); the cue was skipped',
    ]);
    expect(readVtt(file(cue('00:01.000 -> 00:02.000 -->', 'x'), cue('00:03.000 --> 00:04.000', 'Ok.'))).warnings).toEqual([
      'line 3: timing line `00:01.000 -> 00:02.000 -->` has something other than `-->` after its start time; the cue was skipped',
    ]);
  });

  it('hours may have any number of digits; a huge hour count is refused as a time', () => {
    expect(readVtt(file(cue('1:00:00.000 --> 100:00:00.000', 'Long.'))).turns).toEqual([[null, 3600, 360000, 'Long.']]);
    expect(readVtt(file(cue(`${'9'.repeat(30)}:00:00.000 --> 00:01.000`, 'x'), cue('00:02.000 --> 00:03.000', 'Ok.'))).warnings[0]).toMatch(/hours are too large/);
  });

  it('text blocks without a timing are reported; NOTE blocks are not', () => {
    const { turns, warnings } = readVtt(file('NOTE a comment\n', 'Kind: captions\n', cue('00:01.000 --> 00:02.000', 'Hi.'), 'orphan id\nwith text\n'));
    expect(turns).toEqual([[null, 1, 2, 'Hi.']]);
    expect(warnings).toEqual(['line 5: `Kind: captions` is not followed by a cue timing; the block was skipped', 'line 10: `orphan id` is not followed by a cue timing; the block was skipped']);
  });

  it('keeps at most 100 warnings and counts the rest in one entry', () => {
    const blocks = Array.from({ length: 150 }, (_value, index) => cue(`00:00:6${index % 10}.000 --> 00:01:00.000`, `Bad ${index}`));
    const { warnings } = readVtt(file(...blocks, cue('01:00.000 --> 01:01.000', 'Good.')));
    expect(warnings).toHaveLength(101);
    expect(warnings[100]).toBe('line 303: 50 more problems from this line on are not listed');
  });
});

describe('WebVTT: the messy fixture (also used by the CLI and browser tests)', () => {
  it('keeps every good cue with its speaker and times, and says what it skipped or changed', () => {
    const { turns, warnings, transcript } = readCaptions(readFixture('messy.vtt'), 'auto');
    expect(transcript.metadata).toMatchObject({ sourceFormat: 'vtt', title: 'Messy captions', language: 'en' });
    expect(turns).toEqual([
      ['Moderator', 1, 3, 'Welcome, everyone.'],
      ['Ana Lopez', 5, 10, 'Thank you & good morning. Let me begin.'],
      ['Moderator', 12, 12, 'Over to the floor.'],
    ]);
    expect(warnings).toEqual([
      'line 8: timing `00:00:60.000` is not a valid time (minutes and seconds go up to 59); the cue was skipped',
      'line 14: a STYLE block after the first cue is ignored (it must come before the cues)',
      'line 17: timing `intro` is not a valid time; the line was skipped',
      'line 21: the cue ends at 00:00:11.000, before it starts at 00:00:12.000; it was kept with its end set to its start',
    ]);
  });
});

describe('WebVTT: what refuses the whole file', () => {
  it.each([
    ['WEBVT', 'shorter than the signature'],
    ['WEBVTTX\n\n00:01.000 --> 00:02.000\nHi', 'a seventh character that is not space, tab or line feed'],
    ['WEBVTT\f\n00:01.000 --> 00:02.000\nHi', 'a form feed right after WEBVTT'],
    ['webvtt\n\n00:01.000 --> 00:02.000\nHi', 'a lower-case signature'],
  ])('no signature: %j (%s)', (text) => {
    expect(() => parseTranscript(text, { format: 'vtt' })).toThrow(expect.objectContaining({ code: 'malformed_file', message: 'Line 1: a WebVTT file must start with "WEBVTT".' }));
  });

  it('accepts the signature alone on its line, with a title after a space or tab, and after a BOM', () => {
    for (const header of ['WEBVTT', 'WEBVTT Title', 'WEBVTT\tTitle', '\uFEFFWEBVTT']) {
      expect(readVtt(`${header}\n\n00:01.000 --> 00:02.000\nHi`).turns).toEqual([[null, 1, 2, 'Hi']]);
    }
  });

  it('a file whose every block is bad is refused, saying why', () => {
    expect(() => parseTranscript('WEBVTT', { format: 'vtt' })).toThrow('The WebVTT file contains no cues.');
    expect(() => parseTranscript(file(cue('00:01,000 --> 00:02,000', 'a'), cue('00:03,000 --> 00:04,000', 'b')), { format: 'vtt' })).toThrow(
      'The WebVTT file contains no cues: line 3: timing `00:01,000` is not a valid time (WebVTT needs a dot before the milliseconds, not a comma); the cue was skipped (and 1 more problem).',
    );
  });

  it('binary data that only looks like WebVTT at the start is still refused as binary', () => {
    const junk = new Uint8Array([...new TextEncoder().encode('WEBVTT\n\n'), ...Array.from({ length: 400 }, (_value, index) => (index % 2 ? 0x01 : 0x41))]);
    expect(() => parseTranscript(junk)).toThrow(expect.objectContaining({ code: 'binary_file' }));
  });
});

describe('WebVTT: warnings quote the file safely', () => {
  it('cuts long quotes and neutralises control, bidi and backtick characters', () => {
    const { warnings } = readVtt(file(cue(`\u001b[31m\u202e${'x'.repeat(100)} --> 00:02.000`, 'a'), cue('00:03.000 --> 00:04.000', 'Ok.')));
    expect(warnings).toEqual([`line 3: timing \`\uFFFD[31m\uFFFD${'x'.repeat(34)}…\` is not a valid time; the cue was skipped`]);
    expect(readVtt(file('a`b\n', cue('00:03.000 --> 00:04.000', 'Ok.'))).warnings).toEqual(['line 3: `a\uFFFDb` is not followed by a cue timing; the block was skipped']);
  });
});
