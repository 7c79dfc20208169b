import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { buildCueTurns } from './build-cue-turns.ts';
import type { Cue } from './build-cue-turns.ts';
import { parseCueTiming } from './parse-cue-timing.ts';

/** Reads WebVTT: header (title, Language:), NOTE/STYLE/REGION blocks skipped, cues with optional ids. */
export function parseVtt(text: string, joinConsecutiveCues = true): Transcript {
  const lines = text.split('\n');
  const firstLine = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(firstLine.trimEnd())) throw new AppError('malformed_file', 'Line 1: a WebVTT file must start with "WEBVTT".');
  const metadata = { ...emptyMetadata(), sourceFormat: 'vtt' as const };
  metadata.title = firstLine.slice(6).replace(/^\s*-?\s*/, '').trim() || null;
  let index = 1;
  for (; index < lines.length && (lines[index] ?? '').trim() !== ''; index++) {
    const header = /^Language:\s*(\S+)/i.exec(lines[index] ?? '');
    if (header?.[1]) metadata.language = header[1];
  }
  const cues: Cue[] = [];
  while (index < lines.length) {
    const line = (lines[index] ?? '').trim();
    if (line === '') {
      index++;
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(line)) {
      while (index < lines.length && (lines[index] ?? '').trim() !== '') index++;
      continue;
    }
    // A line without "-->" before the timing is the cue's identifier.
    if (!line.includes('-->')) index++;
    const timingLine = lines[index] ?? '';
    if (!timingLine.includes('-->')) {
      throw new AppError('malformed_file', `Line ${index + 1}: expected a cue timing after cue identifier "${line.slice(0, 60)}".`);
    }
    const cue: Cue = { ...parseCueTiming(timingLine, index + 1), lines: [] };
    index++;
    while (index < lines.length && (lines[index] ?? '').trim() !== '') cue.lines.push(lines[index++] ?? '');
    cues.push(cue);
  }
  if (cues.length === 0) throw new AppError('malformed_file', 'The WebVTT file contains no cues.');
  const builder = new TranscriptBuilder();
  buildCueTurns(builder, cues, joinConsecutiveCues);
  return builder.build(metadata);
}
