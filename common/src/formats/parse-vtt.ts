import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import { buildCueTurns } from './build-cue-turns.ts';
import type { Cue } from './build-cue-turns.ts';
import { ParseWarnings } from './collect-parse-warnings.ts';
import type { ParsedTranscript } from './collect-parse-warnings.ts';
import { describeBackwardsCue, normalizeCaptionText } from './normalize-caption-text.ts';
import { parseVttTiming, quoteForWarning } from './parse-cue-timing.ts';
import { parseVttCueText } from './parse-vtt-cue-text.ts';

/** What "collect a WebVTT block" returned: a cue, a style or region block, or something ignored. */
interface Block {
  kind: 'cue' | 'style' | 'region' | 'other';
  /** 1-based line of the block's first line. */
  firstLine: number;
  /** The block's lines after the timing line (the cue text), or all of them when there is no cue. */
  buffer: string[];
  cue?: { start: number; end: number; timingLine: number };
  /** Why the block's timing line failed; the block is then skipped. */
  failure?: { line: number; reason: string; hasText: boolean };
}

const isAsciiWhitespace = (text: string): boolean => /^[\t\n\f\r ]*$/.test(text);
const startsBlockKeyword = (line: string, keyword: string): boolean => line.startsWith(keyword) && isAsciiWhitespace(line.slice(keyword.length));
const isComment = (line: string): boolean => line === 'NOTE' || line.startsWith('NOTE ') || line.startsWith('NOTE\t');

/** A cursor over the file's lines plus the parser's "seen cue" flag, shared by every block. */
interface Reader {
  lines: string[];
  index: number;
  hasSeenCue: boolean;
}

/** The spec's "collect a WebVTT block", over lines instead of characters (every position it keeps is a line start). */
function collectBlock(reader: Reader, isInHeader: boolean): Block {
  const block: Block = { kind: 'other', firstLine: reader.index + 1, buffer: [] };
  let lineCount = 0;
  let previous = reader.index;
  let hasSeenArrow = false;
  for (;;) {
    const lineNumber = reader.index + 1;
    const line = reader.index < reader.lines.length ? (reader.lines[reader.index] as string) : '';
    if (reader.index < reader.lines.length) reader.index++;
    lineCount++;
    if (line.includes('-->')) {
      if (isInHeader || !(lineCount === 1 || (lineCount === 2 && !hasSeenArrow))) {
        // A second timing line starts the next block, even without a blank line before it.
        reader.index = previous;
        break;
      }
      hasSeenArrow = true;
      previous = reader.index;
      const timing = parseVttTiming(line);
      if ('failure' in timing) {
        block.kind = 'other';
        delete block.cue;
        block.failure = { line: lineNumber, reason: timing.failure, hasText: false };
      } else {
        block.kind = 'cue';
        block.cue = { ...timing, timingLine: lineNumber };
        block.buffer = [];
        reader.hasSeenCue = true;
      }
    } else if (line === '') {
      break;
    } else {
      if (!isInHeader && lineCount === 2 && !reader.hasSeenCue && block.buffer.length === 1) {
        const first = block.buffer[0] as string;
        if (startsBlockKeyword(first, 'STYLE') || startsBlockKeyword(first, 'REGION')) {
          block.kind = first.startsWith('STYLE') ? 'style' : 'region';
          block.buffer = [];
        }
      }
      if (block.failure) block.failure.hasText = true;
      block.buffer.push(line);
      previous = reader.index;
    }
  }
  return block;
}

function reportIgnoredBlock(block: Block, hasSeenCue: boolean, warnings: ParseWarnings): void {
  if (block.failure) {
    warnings.add(block.failure.line, `${block.failure.reason}; the ${block.failure.hasText ? 'cue' : 'line'} was skipped`);
    return;
  }
  const first = block.buffer[0];
  if (first === undefined || isComment(first)) return;
  if (hasSeenCue && (startsBlockKeyword(first, 'STYLE') || startsBlockKeyword(first, 'REGION'))) {
    warnings.add(block.firstLine, `a ${first.trim()} block after the first cue is ignored (it must come before the cues)`);
  } else {
    warnings.add(block.firstLine, `${quoteForWarning(first)} is not followed by a cue timing; the block was skipped`);
  }
}

/**
 * Reads WebVTT by the specification's parser: only a missing "WEBVTT" signature refuses the file; a
 * block with a bad timing is skipped (with a warning) and the next one read; STYLE, REGION, NOTE and
 * cue settings are read past (they are styling and positioning). The header line's text is the
 * title and a "Language:" header line the language.
 */
export function parseVtt(input: string, joinConsecutiveCues = true): ParsedTranscript {
  const warnings = new ParseWarnings();
  const text = normalizeCaptionText(input, warnings);
  if (!text.startsWith('WEBVTT') || (text.length > 6 && text[6] !== ' ' && text[6] !== '\t' && text[6] !== '\n')) {
    throw new AppError('malformed_file', 'Line 1: a WebVTT file must start with "WEBVTT".');
  }
  const lines = text.split('\n');
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const metadata = { ...emptyMetadata(), sourceFormat: 'vtt' as const };
  metadata.title = (lines[0] ?? '').slice(6).replace(/^\s*-?\s*/, '').trim() || null;
  const reader: Reader = { lines, index: 1, hasSeenCue: false };
  if (reader.index < lines.length && lines[reader.index] !== '') {
    for (const header of collectBlock(reader, true).buffer) {
      const language = /^Language:[ \t]*(\S+)/i.exec(header);
      if (language?.[1]) metadata.language = language[1];
    }
  }
  const cues: Cue[] = [];
  while (reader.index < lines.length) {
    if (lines[reader.index] === '') {
      reader.index++;
      continue;
    }
    const hadSeenCue = reader.hasSeenCue;
    const block = collectBlock(reader, false);
    if (block.kind === 'cue' && block.cue) {
      const { start, end, timingLine } = block.cue;
      if (end < start) warnings.add(timingLine, describeBackwardsCue(start, end));
      cues.push({ start, end: Math.max(start, end), lines: parseVttCueText(block.buffer.join('\n')) });
    } else if (block.kind === 'other') {
      reportIgnoredBlock(block, hadSeenCue, warnings);
    }
  }
  if (cues.length === 0) throw new AppError('malformed_file', `The WebVTT file contains no cues${warnings.describeFirst()}.`);
  const builder = new TranscriptBuilder();
  buildCueTurns(builder, cues, joinConsecutiveCues);
  return { transcript: builder.build(metadata), warnings: warnings.toArray() };
}
