import { describe, expect, it } from 'vitest';
import { readCaptions } from './fixtures/read-captions.ts';
import { parseTranscript } from './parse-transcript.ts';

const readSrt = (text: string | Uint8Array, joinConsecutiveCues = false) => readCaptions(text, 'srt', joinConsecutiveCues);

describe('SRT: lenient recovery, as common players and Subtitle Edit read it', () => {
  it('missing and wrong cue numbers do not matter', () => {
    const { turns, warnings } = readSrt('00:00:01,000 --> 00:00:02,000\nNo number.\n\n7\n00:00:03,000 --> 00:00:04,000\nWrong number.\n\n3\n00:00:05,000 --> 00:00:06,000\nBack to three.\n');
    expect(turns).toEqual([
      [null, 1, 2, 'No number.'],
      [null, 3, 4, 'Wrong number.'],
      [null, 5, 6, 'Back to three.'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('comma or dot fractions, one to three digits, hours optional', () => {
    expect(readSrt('1\n00:00:01.500 --> 00:00:02,25\nA\n\n2\n01:02.5 --> 1:01:02,005\nB\n').turns).toEqual([
      [null, 1.5, 2.25, 'A'],
      [null, 62.5, 3662.005, 'B'],
    ]);
  });

  it('extra blank lines between cues, and a blank line inside a cue, keep every word', () => {
    const { turns, warnings } = readSrt('\n\n1\n00:00:01,000 --> 00:00:02,000\nFirst paragraph.\n\n\nstill the first cue.\n\n\n\n2\n00:00:03,000 --> 00:00:04,000\nSecond.\n\n\n');
    expect(turns).toEqual([
      [null, 1, 2, 'First paragraph. still the first cue.'],
      [null, 3, 4, 'Second.'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a last cue without a newline, a BOM, CRLF and a missing blank line between cues', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('1\r\n00:00:01,000 --> 00:00:02,000\r\nOne.\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nTwo.')]);
    expect(readSrt(bytes)).toMatchObject({ turns: [[null, 1, 2, 'One.'], [null, 3, 4, 'Two.']], warnings: [] });
  });

  it('skips a block without a usable timing, with the line and reason, and keeps its neighbours', () => {
    const { turns, warnings } = readSrt(
      '1\n00:00:01,000 --> 00:00:02,000\nKept.\n\n2\n00:00:60,000 --> 00:00:61,000\nBad seconds.\n\n3\nNo timing here.\n\n4\n--> 00:00:05,000\nNo start.\n\n5\n00:00:06,000 --> 00:00:07,000\nAlso kept.\n',
    );
    expect(turns).toEqual([
      [null, 1, 2, 'Kept.'],
      [null, 6, 7, 'Also kept.'],
    ]);
    expect(warnings).toEqual([
      'line 6: timing `00:00:60,000` is not a valid time; the cue was skipped',
      'line 9: cue number 3 is followed by `No timing here.` instead of a timing line; the cue was skipped',
      'line 13: timing line `--> 00:00:05,000` has no start time; the cue was skipped',
    ]);
  });

  it('an arrow inside cue text is words, not a broken timing', () => {
    expect(readSrt('1\n00:00:01,000 --> 00:00:02,000\nGo left --> then right.\n').turns).toEqual([[null, 1, 2, 'Go left --> then right.']]);
  });

  it('text before the first timing is skipped with one warning', () => {
    const { turns, warnings } = readSrt('Subtitles by someone\nwww.example.org\n\n1\n00:00:01,000 --> 00:00:02,000\nHello.\n');
    expect(turns).toEqual([[null, 1, 2, 'Hello.']]);
    expect(warnings).toEqual(['line 1: text before the first cue timing (`Subtitles by someone`) was skipped']);
  });

  it('removes tags and SSA overrides, decodes the common entities, keeps "<" that is not a tag', () => {
    const { turns } = readSrt('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Hi</i> <font color="#ff0000">there</font> &amp; 3 < 4 <3\n');
    expect(turns).toEqual([[null, 1, 2, 'Hi there & 3 < 4 <3']]);
  });

  it('reads speakers from <v Name>, ">> NAME:" and "NAME:" and keeps unmarked cues with the speaker before', () => {
    const { turns } = readSrt('1\n00:00:01,000 --> 00:00:02,000\n<v Ana Lopez>Hola.\n\n2\n00:00:02,000 --> 00:00:03,000\n>> MODERATOR: Next.\n\n3\n00:00:03,000 --> 00:00:04,000\nStill the moderator.\n', true);
    expect(turns).toEqual([
      ['Ana Lopez', 1, 2, 'Hola.'],
      ['MODERATOR', 2, 4, 'Next. Still the moderator.'],
    ]);
  });

  it('a cue that ends before it starts is kept, its end set to its start', () => {
    const { turns, warnings } = readSrt('1\n00:00:05,000 --> 00:00:04,000\nBackwards.\n');
    expect(turns).toEqual([[null, 5, 5, 'Backwards.']]);
    expect(warnings).toEqual(['line 2: the cue ends at 00:00:04.000, before it starts at 00:00:05.000; it was kept with its end set to its start']);
  });

  it('refuses only a file without any usable cue, naming the first problem', () => {
    expect(() => parseTranscript('1\n00:00:01 --> 00:00:02\nA\n\n2\n00:00:03 --> 00:00:04\nB\n', { format: 'srt' })).toThrow(
      expect.objectContaining({ code: 'malformed_file', message: 'The SRT file contains no cues: line 2: timing `00:00:01` is not a valid time; the cue was skipped (and 1 more problem).' }),
    );
  });

  it('NUL characters (possible in UTF-16 files) become U+FFFD rather than reaching storage', () => {
    const { turns, warnings } = readSrt('1\n00:00:01,000 --> 00:00:02,000\nA\0B\n');
    expect(turns).toEqual([[null, 1, 2, 'A\uFFFDB']]);
    expect(warnings).toEqual(['line 3: a NUL character was replaced by U+FFFD (\uFFFD)']);
  });
});
