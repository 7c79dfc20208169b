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

/** Reading speed: a cue of n characters stays up at least n / 20 s (broadcast guidelines, adult audience)… */
export const maxCharsPerSecond = 20;
/** …and at least 1 s, however short. */
export const minCueMs = 1000;

/** How good a place to break after a word is: sentence end, then ; and :, then a comma, then any space. */
function breakStrength(word: string): number {
  // "Kaspar(?)" marks a doubtful word, not the end of a question.
  if (/\(\?\)\s*$/u.test(word)) return 0;
  const bare = word.replace(/[\s"'\u201d\u2019)\]]+$/u, '');
  if (/[.?!\u2026]$/u.test(bare)) return 3;
  if (/[;:]$/.test(bare)) return 2;
  return bare.endsWith(',') ? 1 : 0;
}

/** A word longer than a line is cut into line-long pieces (whole code points); no other word is ever cut. */
function cutLongWord(word: string): string[] {
  if (word.length <= maxLineLength) return [word];
  const pieces = [''];
  for (const char of word) {
    if (pieces[pieces.length - 1]!.length + char.length > maxLineLength) pieces.push('');
    pieces[pieces.length - 1] += char;
  }
  return pieces;
}

/** Greedy wrap of words into lines of at most 42 characters. */
function wrapWords(words: readonly string[]): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxLineLength) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Two lines for one cue's words: a break after the strongest clause boundary that fits, else the greedy wrap. */
function breakLines(words: readonly string[], strengths: readonly number[]): string[] {
  const greedy = wrapWords(words);
  if (greedy.length < 2) return greedy;
  let best: { at: number; strength: number } | null = null;
  for (let at = 1; at < words.length; at++) {
    const first = words.slice(0, at).join(' ');
    const second = words.slice(at).join(' ');
    if (first.length > maxLineLength || second.length > maxLineLength || strengths[at - 1]! === 0) continue;
    // A stronger boundary wins; among equals the one giving the most even lines.
    const evenness = -Math.abs(first.length - second.length);
    if (!best || strengths[at - 1]! > best.strength || (strengths[at - 1]! === best.strength && evenness > -Math.abs(words.slice(0, best.at).join(' ').length - words.slice(best.at).join(' ').length))) best = { at, strength: strengths[at - 1]! };
  }
  // A space kept before the break (NBSP after a full stop) would end the line invisibly.
  return best ? [words.slice(0, best.at).join(' ').trimEnd(), words.slice(best.at).join(' ')] : greedy;
}

/**
 * A paragraph's words as cues of at most 2 lines: each cue takes as many words as fit, but ends earlier
 * at a stronger clause boundary when that keeps at least half the text that would fit.
 */
function cutParagraph(words: readonly string[], strengths: readonly number[]): string[][] {
  const cues: string[][] = [];
  let from = 0;
  while (from < words.length) {
    let fit = from + 1;
    while (fit < words.length && wrapWords(words.slice(from, fit + 1)).length <= maxLinesPerCue) fit++;
    let cut = fit;
    if (fit < words.length) {
      const full = words.slice(from, fit).join(' ').length;
      let bestStrength = 0;
      for (let at = fit; at > from; at--) {
        if (strengths[at - 1]! > bestStrength && words.slice(from, at).join(' ').length * 2 >= full) {
          bestStrength = strengths[at - 1]!;
          cut = at;
        }
      }
    }
    cues.push(breakLines(words.slice(from, cut), strengths.slice(from, cut)));
    from = cut;
  }
  return cues;
}

/**
 * Each cue's slot (ms) in a turn: its share of the turn's time by characters, but at least its reading
 * time (characters / 20 s, 1 s minimum) — cues may then run past the turn's end. When that does not fit
 * before the next turn starts (`available`), the time there is is shared by characters with 1 s minimum;
 * only when even 1 s a cue does not fit do the cues share it equally (text is never dropped).
 */
function allotSlots(sizes: readonly number[], spanMs: number, availableMs: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0) || 1;
  const wanted = sizes.map((size) => Math.max((spanMs * size) / total, minCueMs, (size * 1000) / maxCharsPerSecond));
  if (wanted.reduce((sum, slot) => sum + slot, 0) <= availableMs) return wanted;
  if (sizes.length * minCueMs > availableMs) return sizes.map(() => availableMs / sizes.length);
  const floored = new Set<number>();
  for (;;) {
    const free = availableMs - floored.size * minCueMs;
    const weight = sizes.reduce((sum, size, index) => (floored.has(index) ? sum : sum + size), 0) || 1;
    const slots = sizes.map((size, index) => (floored.has(index) ? minCueMs : (free * size) / weight));
    const short = slots.findIndex((slot, index) => !floored.has(index) && slot < minCueMs);
    if (short === -1) return slots;
    floored.add(short);
  }
}

/**
 * Cuts each turn into cues by the broadcast rules: at most 2 lines of at most 42 characters, breaks
 * at clause boundaries (after . ? ! then ; : then ,) before plain spaces, never inside a word unless
 * it is longer than a line; a paragraph break always ends a cue. Times: see allotSlots; a cue is
 * shown for its slot but at most 7 s, and never overlaps the next turn. `prefix` is a speaker marker
 * shown before the turn's first word ('' for none); it is never left alone at the end of a cue.
 */
export function splitIntoCues(transcript: Transcript, prefix: (turn: Turn, index: number) => string): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  const ends = resolveTurnEnds(transcript);
  for (const [turnIndex, turn] of transcript.turns.entries()) {
    // A lone "\r" is a line ending to caption readers too; it breaks the paragraph like "\n".
    const paragraphs = turnPlainText(turn)
      .split(/\r\n?|\n/)
      .map((paragraph) => paragraph.split(' ').filter((word) => word !== '').flatMap(cutLongWord))
      .filter((words) => words.length > 0);
    const lead = toSingleLine(prefix(turn, turnIndex));
    const chunks = paragraphs.flatMap((words, index) => {
      const strengths = words.map(breakStrength);
      if (index > 0 || lead === '') return cutParagraph(words, strengths);
      const leadWords = cutLongWord(lead);
      return cutParagraph([...leadWords, ...words], [...leadWords.map(() => 0), ...strengths]);
    });
    const startMs = Math.round((turn.start ?? 0) * 1000);
    const next = transcript.turns.slice(turnIndex + 1).find((later) => later.start !== null && later.start > (turn.start ?? 0))?.start;
    const availableMs = next === undefined || next === null ? Infinity : Math.round(next * 1000) - startMs;
    const spanMs = Math.min(Math.round((ends[turnIndex] ?? 0) * 1000) - startMs, availableMs);
    const slots = allotSlots(chunks.map((lines) => lines.join(' ').length), spanMs, availableMs);
    let done = 0;
    chunks.forEach((lines, index) => {
      const from = startMs + Math.round(done);
      done += slots[index]!;
      const to = startMs + Math.round(done);
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
