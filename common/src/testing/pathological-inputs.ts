import { AppError } from '../errors.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { findSelfIntroductions } from '../transcript/find-self-introductions.ts';
import { suggestSpeakerMerges } from '../transcript/suggest-speaker-merges.ts';
import { summarizeImport } from '../transcript/summarize-import.ts';
import { transcriptSchemaVersion, type SourceFormat } from '../transcript/transcript.schema.ts';

/** One input shape that made (or could make) a parser super-linear, generated at any size. */
export interface PathologicalInput {
  /** The parser or helper it aims at, and how. */
  name: string;
  format: 'auto' | SourceFormat;
  /** About `size` characters (or bytes) of the input. */
  generate: (size: number) => string | Uint8Array;
}

/** `unit` repeated until the text is about `size` long. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

/** `line(i)` for i = 0, 1, … until the lines add up to about `size`. */
function lines(size: number, line: (index: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const next = line(index);
    out.push(next);
    length += next.length + 1;
  }
  return out.join('\n');
}

/** A distinct run of lower-case letters for every index: names may not contain digits. */
function letters(index: number): string {
  let text = '';
  for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    if (rest < 26) return text;
  }
}

// Distinct labels that share words and differ by little: the worst case for merge suggestions.
const similarLabel = (index: number) => `JOHN SMITH${index.toString(36).toUpperCase()}`;
const cue = (index: number, text: string, separator: ',' | '.') => `${index + 1}\n00:00:01${separator}000 --> 00:00:02${separator}000\n${text}\n`;

/** Every shape we know of, per parser; the property test and `npm run bench:parsers` run them all. */
export const pathologicalInputs: PathologicalInput[] = [
  { name: 'decode: Windows-1252 bytes', format: 'text', generate: (size) => Uint8Array.from({ length: size }, (_value, index) => (index % 5 === 4 ? 0xe9 : 0x61)) },
  { name: 'detect: a digit then a run of blank lines', format: 'auto', generate: (size) => `1${'\n'.repeat(size)}x` },
  { name: 'detect: lines of spaces with no >>', format: 'auto', generate: (size) => `hello\n${fill('  \n', size)}x` },
  { name: 'cart: a run of spaces before >>', format: 'cart', generate: (size) => `>> A: hi\nx${' '.repeat(size)}>>x` },
  { name: 'cart: a run of >', format: 'cart', generate: (size) => `>> A: hi\nx ${'>'.repeat(size)} y` },
  { name: 'cart: inline >> turns on one line', format: 'cart', generate: (size) => `>> A: hi ${fill('>> B: x ', size)}` },
  { name: 'cart: header lines of "during the … in"', format: 'cart', generate: (size) => `${lines(size, () => fill('during the x in a from 1 ', 990).slice(0, 990))}\n>> A: hi` },
  { name: 'cart: a long word before (?)', format: 'cart', generate: (size) => `>> A: ${'a'.repeat(size)}.(?)` },
  { name: 'cart: thousands of similar speaker labels', format: 'cart', generate: (size) => lines(size, (index) => `>> ${similarLabel(index)}: hi`) },
  { name: 'text: a long word before (?)', format: 'text', generate: (size) => `A: ${'a'.repeat(size)} b(?)` },
  { name: 'text: one paragraph of markers', format: 'text', generate: (size) => `A: ${fill('(?)', size)}` },
  { name: 'text: a paragraph of unclosed brackets', format: 'text', generate: (size) => `A: ${fill('([', size)}` },
  { name: 'text: thousands of similar speaker labels', format: 'text', generate: (size) => lines(size, (index) => `${similarLabel(index)}: hi`) },
  { name: 'text: self-introductions in one turn without a full stop', format: 'text', generate: (size) => lines(size, (index) => `I'm A${letters(index)} from here and`).replace(/\n/g, ' ') },
  {
    name: 'json: thousands of similar speaker labels',
    format: 'json',
    generate: (size) => {
      const count = Math.ceil(size / 110);
      const speakers = Array.from({ length: count }, (_value, index) => ({ id: `s${index}`, label: similarLabel(index), displayName: 'x' }));
      const turns = speakers.map((speaker, index) => ({ id: `t${index}`, speakerId: speaker.id, content: [{ type: 'text', text: 'hi' }] }));
      return JSON.stringify({ schema: transcriptSchemaVersion, metadata: {}, speakers, turns });
    },
  },
  {
    name: 'json: one turn of many tiny text segments',
    format: 'json',
    generate: (size) => {
      const content = Array.from({ length: Math.ceil(size / 27) }, () => ({ type: 'text', text: 'a' }));
      return JSON.stringify({ schema: transcriptSchemaVersion, metadata: {}, speakers: [], turns: [{ id: 't1', content }] });
    },
  },
  {
    name: 'json: two very long labels',
    format: 'json',
    generate: (size) => {
      const label = 'A'.repeat(Math.ceil(size / 2));
      const speakers = [{ id: 's1', label, displayName: 'x' }, { id: 's2', label: `${label}B`, displayName: 'x' }];
      return JSON.stringify({ schema: transcriptSchemaVersion, metadata: {}, speakers, turns: [] });
    },
  },
  { name: 'srt: a run of < in a cue', format: 'srt', generate: (size) => cue(0, '<'.repeat(size), ',') },
  { name: 'srt: a run of {\\ in a cue', format: 'srt', generate: (size) => cue(0, fill('{\\', size), ',') },
  { name: 'srt: one cue of many lines', format: 'srt', generate: (size) => cue(0, fill('ab\n', size).trimEnd(), ',') },
  { name: 'srt: a long timing line', format: 'srt', generate: (size) => `1\n00:00:01,000${' '.repeat(size)}--> 00:00:02,000\nhi\n` },
  { name: 'vtt: <v then a blank run', format: 'vtt', generate: (size) => `WEBVTT\n\n${cue(0, `<v${' '.repeat(size)}`, '.')}` },
  { name: 'vtt: a run of < in a cue', format: 'vtt', generate: (size) => `WEBVTT\n\n${cue(0, '<'.repeat(size), '.')}` },
  { name: 'vtt: thousands of cues with distinct voices', format: 'vtt', generate: (size) => `WEBVTT\n\n${lines(size, (index) => cue(index, `<v ${similarLabel(index)}>hi`, '.'))}` },
];

/**
 * What an import preview does with a file: decode, detect, parse, then summary, merge suggestions and
 * self-introductions. A refusal (AppError) is an answer too; only the time matters here.
 */
export function readAsPreview(input: string | Uint8Array, format: PathologicalInput['format']): void {
  try {
    const transcript = parseTranscript(input, { format, maxBytes: 64 * 1024 * 1024 });
    summarizeImport(transcript);
    suggestSpeakerMerges(transcript);
    findSelfIntroductions(transcript);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median milliseconds of `runs` timed calls (after one untimed warm-up). */
export function medianMs(run: () => void, runs: number): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * How much longer the preview of an input takes at twice the size: about 2 when linear, 4 when
 * quadratic. Both sizes are warmed up, then timed in turn, so JIT and a busy machine hit both alike.
 */
export function measureDoubling(input: PathologicalInput, size: number, runs: number): { small: number; large: number; ratio: number } {
  const inputs = [input.generate(size), input.generate(2 * size)];
  const times: [number[], number[]] = [[], []];
  for (let round = -1; round < runs; round++) {
    inputs.forEach((generated, which) => {
      const started = performance.now();
      readAsPreview(generated, input.format);
      if (round >= 0) times[which]?.push(performance.now() - started);
    });
  }
  const [small, large] = [median(times[0]), median(times[1])];
  // Below a millisecond the clock, not the parser, decides the ratio: such inputs are fast at any size.
  return { small, large, ratio: large / Math.max(small, 1) };
}
