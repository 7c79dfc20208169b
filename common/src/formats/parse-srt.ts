import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { buildCueTurns } from './build-cue-turns.ts';
import type { Cue } from './build-cue-turns.ts';
import { parseCueTiming } from './parse-cue-timing.ts';

/** Reads SubRip cues (number, timing, text lines, blank line); a bad timing line is reported by number. */
export function parseSrt(text: string, joinConsecutiveCues = true): Transcript {
  const lines = text.split('\n');
  const cues: Cue[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = (lines[index] ?? '').trim();
    if (line === '') {
      index++;
      continue;
    }
    if (/^\d+$/.test(line) && !(lines[index + 1] ?? '').includes('-->')) {
      throw new AppError('malformed_file', `Line ${index + 2}: expected a cue timing after cue number ${line}.`);
    }
    if (/^\d+$/.test(line)) index++;
    const timingLine = lines[index] ?? '';
    if (!timingLine.includes('-->')) {
      throw new AppError('malformed_file', `Line ${index + 1}: expected a cue number or timing, found "${timingLine.trim().slice(0, 60)}".`);
    }
    const cue: Cue = { ...parseCueTiming(timingLine, index + 1), lines: [] };
    index++;
    while (index < lines.length && (lines[index] ?? '').trim() !== '') cue.lines.push(lines[index++] ?? '');
    cues.push(cue);
  }
  if (cues.length === 0) throw new AppError('malformed_file', 'The SRT file contains no cues.');
  const builder = new TranscriptBuilder();
  buildCueTurns(builder, cues, joinConsecutiveCues);
  return builder.build({ ...emptyMetadata(), sourceFormat: 'srt' });
}
