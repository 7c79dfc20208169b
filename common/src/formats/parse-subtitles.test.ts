import { describe, expect, it } from 'vitest';
import { summarizeImport } from '../transcript/summarize-import.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import { readFixture } from './fixtures/read-fixture.ts';
import { parseTranscript, parseTranscriptWithWarnings } from './parse-transcript.ts';
import { serializeTranscriptJson } from './serialize-transcript-json.ts';

describe('SRT', () => {
  const transcript = parseTranscript(readFixture('sample.srt'));

  it('joins consecutive cues of one speaker and keeps their timing', () => {
    expect(transcript.metadata.sourceFormat).toBe('srt');
    expect(transcript.turns.map((turn) => [turn.speakerId, turn.start, turn.end, turnPlainText(turn)])).toEqual([
      ['s1', 1, 6, 'Welcome, everyone. We start with the agenda.'],
      ['s2', 6.5, 9, 'Thanks. I have two points. [Laughter]'],
      [null, 9.2, 11, 'Who is next?'],
    ]);
    expect(summarizeImport(transcript).eventCounts).toEqual({ Laughter: 1 });
  });

  it('keeps every cue as a turn when joining is off', () => {
    const separate = parseTranscript(readFixture('sample.srt'), { joinConsecutiveCues: false });
    expect(separate.turns).toHaveLength(5);
    expect(separate.turns[1]).toMatchObject({ speakerId: 's1', start: 3.6, end: 6 });
  });

  it('skips a cue with a malformed timing line, naming the line, and keeps the others', () => {
    const bad = '1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:03 --> 00:00:04,000\nThere.\n';
    const parsed = parseTranscriptWithWarnings(bad, { format: 'srt' });
    expect(parsed.transcript.turns.map(turnPlainText)).toEqual(['Hi.']);
    expect(parsed.warnings).toEqual([{ line: 6, message: 'timing `00:00:03` is not a valid time; the cue was skipped' }]);
    // Only a file without any usable cue is refused, and the refusal says why.
    expect(() => parseTranscript('1\nHello\n', { format: 'srt' })).toThrow(
      expect.objectContaining({ code: 'malformed_file', message: 'The SRT file contains no cues: line 1: cue number 1 is followed by `Hello` instead of a timing line; the cue was skipped.' }),
    );
    const backwards = parseTranscriptWithWarnings('1\n00:00:05,000 --> 00:00:04,000\nBackwards\n', { format: 'srt' });
    expect(backwards.transcript.turns[0]).toMatchObject({ start: 5, end: 5 });
    expect(backwards.warnings[0]?.message).toMatch(/ends at 00:00:04\.000, before it starts at 00:00:05\.000/);
  });

  it('round-trips through Verity JSON', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});

describe('WebVTT', () => {
  const transcript = parseTranscript(readFixture('sample.vtt'));

  it('reads the header and skips NOTE and STYLE blocks', () => {
    expect(transcript.metadata).toMatchObject({ sourceFormat: 'vtt', title: 'Panel on captions', language: 'en' });
    expect(transcript.turns.map(turnPlainText).join(' ')).not.toMatch(/note|cue \{/i);
  });

  it('turns voice tags into speakers, joins their cues and strips other tags and entities', () => {
    expect(transcript.speakers.map((speaker) => [speaker.label, speaker.role])).toEqual([
      ['Moderator', 'moderator'],
      ['Lea Kaspar', null],
    ]);
    expect(transcript.turns.map((turn) => [turn.speakerId, turn.start, turn.end, turnPlainText(turn)])).toEqual([
      ['s1', 1, 6.5, "Welcome to the panel. Let's begin & be brief."],
      ['s2', 7, 9, 'Thank you very much.'],
      ['s1', 7, 10, "You're welcome. No voice tag here."],
    ]);
  });

  it('skips a cue identifier without timing and a cue with a bad timing, with warnings', () => {
    expect(() => parseTranscript('WEBVTT\n\ncue-1\nHello\n')).toThrow(/no cues: line 3: `cue-1` is not followed by a cue timing; the block was skipped/);
    expect(() => parseTranscript('WEBVTT\n\n00:01.000 --> 00:xx.000\nHello\n')).toThrow(/no cues: line 3: timing `00:xx.000` is not a valid time/);
  });

  it('round-trips through Verity JSON', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});
