import { describe, expect, it } from 'vitest';
import { parseTranscriptWithWarnings } from './parse-transcript.ts';

// Inputs that make a backtracking regex or a rescanning loop quadratic. Growth is checked, never absolute
// time: 4× the input must cost well under 16× (what quadratic work would cost); linear work costs about 4×.
const vttCue = (text: string) => `WEBVTT\n\n00:01.000 --> 00:02.000\n${text}`;
const srtCue = (text: string) => `1\n00:00:01,000 --> 00:00:02,000\n${text}`;
const pathological: [string, 'vtt' | 'srt', (size: number) => string][] = [
  ['a run of "<" in a WebVTT cue', 'vtt', (size) => vttCue(`x${'<'.repeat(size)}`)],
  ['a run of "&" in a WebVTT cue', 'vtt', (size) => vttCue(`x${'&'.repeat(size)}`)],
  ['almost-entities "&am…" in a WebVTT cue', 'vtt', (size) => vttCue(`x${'&am'.repeat(size / 3)}`)],
  ['an unclosed voice annotation of spaces', 'vtt', (size) => vttCue(`<v ${' '.repeat(size)}`)],
  ['deeply nested spans in a voice', 'vtt', (size) => vttCue(`<v A>${'<i>x'.repeat(size / 4)}`)],
  ['thousands of bare "-->" lines', 'vtt', (size) => `WEBVTT\n\n${'-->\n'.repeat(size / 4)}`],
  ['one WebVTT cue of many lines', 'vtt', (size) => vttCue('ab\n'.repeat(size / 3))],
  ['a timing line of digits', 'vtt', (size) => `WEBVTT\n\n${'0'.repeat(size)} --> 00:01.000\nx`],
  ['a run of "<" in an SRT cue', 'srt', (size) => srtCue(`x${'<'.repeat(size)}>`)],
  ['a run of "{\\" in an SRT cue', 'srt', (size) => srtCue(`x${'{\\'.repeat(size / 2)}}`)],
  ['an unclosed SRT voice tag of spaces', 'srt', (size) => srtCue(`<v${' '.repeat(size)}`)],
  ['spaces after an SRT arrow', 'srt', (size) => `1\n00:00:01,000 --> ${' '.repeat(size)}x\n`],
  ['one SRT cue of many lines', 'srt', (size) => srtCue('ab\n'.repeat(size / 3))],
  ['thousands of cue numbers without timings', 'srt', (size) => srtCue(`x\n${'\n1'.repeat(size / 2)}`)],
];

function fastestRun(input: string, format: 'vtt' | 'srt'): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    try {
      parseTranscriptWithWarnings(input, { format });
    } catch {
      // A refused file costs time too; only the time matters here.
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('caption parsers take time linear in their input', () => {
  it.each(pathological)('%s', (_name, format, make) => {
    fastestRun(make(10_000), format);
    // The CPU is shared: a garbage collection or another process can spoil one ratio; quadratic work spoils all three.
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const small = fastestRun(make(50_000), format);
      const large = fastestRun(make(200_000), format);
      ratios.push(large / Math.max(small, 0.5));
      if (ratios[attempt]! < 10) break;
    }
    expect(Math.min(...ratios)).toBeLessThan(10);
  }, 60_000);
});
