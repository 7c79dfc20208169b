import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import { buildCueTurns } from './build-cue-turns.ts';
import type { Cue } from './build-cue-turns.ts';
import { ParseWarnings } from './collect-parse-warnings.ts';
import type { ParsedTranscript } from './collect-parse-warnings.ts';
import { describeBackwardsCue, normalizeCaptionText } from './normalize-caption-text.ts';
import { parseSrtTiming, quoteForWarning } from './parse-cue-timing.ts';
import { readSrtCueLine } from './read-srt-cue-line.ts';

const counterLine = /^\d+$/;

const hasValidTiming = (line: string): boolean => line.includes('-->') && !('failure' in parseSrtTiming(line));

/**
 * Reads SubRip leniently, as common players and Subtitle Edit do: cue numbers may be missing or wrong,
 * fractions may follow a comma or a dot, blank lines may repeat or sit inside a cue's text, the last cue
 * may end without a newline. A block without a usable timing is skipped with a warning, never the file.
 */
export function parseSrt(input: string, joinConsecutiveCues = true): ParsedTranscript {
  const warnings = new ParseWarnings();
  const lines = normalizeCaptionText(input, warnings).split('\n');
  const cues: Cue[] = [];
  // null before the first timing line; { cue: null } while inside a skipped block.
  let block: { cue: Cue | null } | null = null;
  let isBlockStart = true;
  let hasReportedPreamble = false;
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') {
      isBlockStart = true;
      continue;
    }
    const next = lines[index + 1] ?? '';
    // A timing line starts a cue where a cue may start, or anywhere if it is valid (a missing blank line).
    const mayStartCue = isBlockStart || block === null;
    let timingIndex = -1;
    if (counterLine.test(line) && next.includes('-->') && (mayStartCue || hasValidTiming(next))) timingIndex = index + 1;
    else if (line.includes('-->') && (mayStartCue || hasValidTiming(line))) timingIndex = index;
    const isCounterWithoutTiming = timingIndex === -1 && isBlockStart && counterLine.test(line);
    isBlockStart = false;
    if (timingIndex >= 0) {
      const timingLine = (lines[timingIndex] ?? '').trim();
      const timing = parseSrtTiming(timingLine);
      index = timingIndex;
      if ('failure' in timing) {
        warnings.add(timingIndex + 1, `${timing.failure}; the cue was skipped`);
        block = { cue: null };
        continue;
      }
      if (timing.end < timing.start) warnings.add(timingIndex + 1, describeBackwardsCue(timing.start, timing.end));
      const cue: Cue = { start: timing.start, end: Math.max(timing.start, timing.end), lines: [] };
      cues.push(cue);
      block = { cue };
    } else if (isCounterWithoutTiming) {
      const found = next.trim() === '' ? 'nothing' : quoteForWarning(next.trim());
      warnings.add(index + 1, `cue number ${line} is followed by ${found} instead of a timing line; the cue was skipped`);
      block = { cue: null };
    } else if (block === null) {
      if (!hasReportedPreamble) warnings.add(index + 1, `text before the first cue timing (${quoteForWarning(line)}) was skipped`);
      hasReportedPreamble = true;
    } else {
      block.cue?.lines.push(readSrtCueLine(line));
    }
  }
  if (cues.length === 0) throw new AppError('malformed_file', `The SRT file contains no cues${warnings.describeFirst()}.`);
  const builder = new TranscriptBuilder();
  buildCueTurns(builder, cues, joinConsecutiveCues);
  return { transcript: builder.build({ ...emptyMetadata(), sourceFormat: 'srt' }), warnings: warnings.toArray() };
}
