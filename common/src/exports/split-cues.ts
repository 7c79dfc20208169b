import { AppError } from '../errors.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import type { Transcript, Turn } from '../transcript/transcript.schema.ts';

/** Characters per caption line and lines per cue: the common broadcast guideline (2 × 42). */
export const maxLineLength = 42;
export const maxLinesPerCue = 2;
/** A cue stays on screen at most this long (broadcast guidelines: 1–7 s); past it the screen clears until the next. */
export const maxCueMs = 7000;

/** One subtitle cue cut from a turn; times in whole milliseconds. */
export interface SubtitleCue {
  turn: Turn;
  isFirstOfTurn: boolean;
  startMs: number;
  endMs: number;
  lines: string[];
}

/** A value written on one caption line: a line ending inside it would end the cue (a blank line) or forge one. */
export function toSingleLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}

/**
 * Refuses subtitles for a transcript that cannot be timed, telling the person what to do instead. Every
 * turn needs a start (a CART transcript gets them from the player); an end is optional (resolveTurnEnds).
 */
export function assertTimed(transcript: Transcript, formatName: string): void {
  const untimed = transcript.turns.filter((turn) => turn.start === null).length;
  if (transcript.turns.length === 0 || untimed > 0) {
    const which = transcript.turns.length === 0 ? 'no turns' : untimed === transcript.turns.length ? 'no timings' : `no timings for ${untimed} of its ${transcript.turns.length} turns`;
    throw new AppError('unsupported_format', `This transcript has ${which}, so it cannot be written as ${formatName}; export as text, Markdown, DOCX or JSON instead.`);
  }
}

/** A turn without an end is read at this rate when nothing else bounds it (the last turn)… */
export const readingCharsPerSecond = 15;
/** …and a turn followed by another lasts until the next start, but no longer than its text at this slow rate plus 2 s (a break is not captioned). */
export const slowSpeechCharsPerSecond = 5;

/**
 * Each turn's end in seconds: its own when it has one (after its start); else the next timed turn's
 * start, bounded by its text spoken slowly; else (the last turn, or times out of order) its text read
 * at 15 characters a second, at least 1 s. Turns without a start get null.
 */
export function resolveTurnEnds(transcript: Transcript): (number | null)[] {
  return transcript.turns.map((turn, index) => {
    if (turn.start === null) return null;
    if (turn.end !== null && turn.end > turn.start) return turn.end;
    const characters = turnPlainText(turn).length;
    const next = transcript.turns.slice(index + 1).find((later) => later.start !== null)?.start ?? null;
    if (next !== null && next > turn.start) return Math.min(next, turn.start + characters / slowSpeechCharsPerSecond + 2);
    return turn.start + Math.max(1, characters / readingCharsPerSecond);
  });
}

/** Greedy word wrap on ordinary spaces (NBSP never breaks); a word longer than a line gets its own line. */
function wrapWords(words: readonly string[]): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxLineLength) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Cuts each turn into cues: paragraphs wrap into lines of at most 42 characters, every two lines make
 * a cue, and a paragraph break always ends a cue. The turn's time is shared out in proportion to the
 * characters of each cue, so the cues of a turn follow each other without gaps. `prefix` is text
 * shown before the turn's first word (a speaker marker), wrapped with it.
 */
export function splitIntoCues(transcript: Transcript, prefix: (turn: Turn) => string): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  const ends = resolveTurnEnds(transcript);
  for (const [turnIndex, turn] of transcript.turns.entries()) {
    // A lone "\r" is a line ending to caption readers too; it breaks the paragraph like "\n".
    const paragraphs = turnPlainText(turn)
      .split(/\r\n?|\n/)
      .map((paragraph) => paragraph.split(' ').filter((word) => word !== ''))
      .filter((words) => words.length > 0);
    const lead = toSingleLine(prefix(turn));
    if (lead !== '' && paragraphs[0]) paragraphs[0].unshift(lead);
    const chunks = paragraphs.flatMap((words) => {
      const lines = wrapWords(words);
      const grouped: string[][] = [];
      for (let index = 0; index < lines.length; index += maxLinesPerCue) grouped.push(lines.slice(index, index + maxLinesPerCue));
      return grouped;
    });
    const total = chunks.reduce((sum, lines) => sum + lines.join(' ').length, 0);
    const startMs = Math.round((turn.start ?? 0) * 1000);
    const span = Math.round((ends[turnIndex] ?? 0) * 1000) - startMs;
    let done = 0;
    chunks.forEach((lines, index) => {
      const from = startMs + Math.round((span * done) / total);
      done += lines.join(' ').length;
      const to = startMs + Math.round((span * done) / total);
      cues.push({ turn, isFirstOfTurn: index === 0, startMs: from, endMs: Math.min(to, from + maxCueMs), lines });
    });
  }
  return cues;
}

/** Milliseconds as "hh:mm:ss" + separator + "mmm" (SRT uses ",", WebVTT "."). */
export function formatCueTime(ms: number, separator: ',' | '.'): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}
