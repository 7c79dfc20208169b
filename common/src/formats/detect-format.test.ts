import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';
import { parseTranscript } from './parse-transcript.ts';

describe('detectFormat', () => {
  it.each([
    ['  {"schema": "verity.transcript/1"}', 'json'],
    ['WEBVTT\n\n00:01.000 --> 00:02.000\nHi', 'vtt'],
    ['1\n00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
    ['00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
    ['\uFEFF\n\n1\r\n00:00:01.000 --> 00:00:02.000\nHi', 'srt'],
    // A broken first timing is still SRT: the parser skips that cue and says so, instead of importing timings as words.
    ['1\n00:00:01 --> 00:00:02,000\n>> Hi', 'srt'],
    ['1\n\n\n\nNot a cue', 'text'],
    ['Header\n\n\u00a0 \u00a0 >> Hello', 'cart'],
    ['>> MODERATOR: Hi', 'cart'],
    ['Alice: Hi\nBob: Hello', 'text'],
    ['WEBVTTX is not a header', 'text'],
  ])('%j is %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('refuses RTF and unknown explicit formats', () => {
    expect(() => detectFormat('{\\rtf1\\ansi hello}')).toThrow(expect.objectContaining({ code: 'unsupported_format' }));
    expect(() => parseTranscript('Hi', { format: 'docx' as never })).toThrow(/Unknown format "docx"/);
  });
});
