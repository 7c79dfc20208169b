import type { CueLine } from './build-cue-turns.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"', apos: "'", lrm: '\u200e', rlm: '\u200f' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);/g, (_match, name: string) => entities[name] ?? '');
}

/**
 * Removes every `open … close` span whose inside `isMarkup` accepts, scanning once: each character is
 * looked at a bounded number of times however many unclosed `<` a line holds.
 */
function removeDelimited(text: string, open: string, close: string, isMarkup: (inside: string) => boolean): string {
  let result = '';
  let cursor = 0;
  for (;;) {
    const openAt = text.indexOf(open, cursor);
    if (openAt === -1) break;
    const closeAt = text.indexOf(close, openAt + open.length);
    if (closeAt === -1) break;
    // The tag candidate starts at the last opener before the closer; earlier openers are literal text.
    const start = text.lastIndexOf(open, closeAt - 1);
    result += text.slice(cursor, start);
    const inside = text.slice(start + open.length, closeAt);
    if (!isMarkup(inside)) result += text.slice(start, closeAt + close.length);
    cursor = closeAt + close.length;
  }
  return result + text.slice(cursor);
}

// <i>, </font>, <font color="#fff">, <c.yellow>, a karaoke <00:01.000>: markup. "< b >" or "<3" is text.
const isTag = (inside: string): boolean => /^\/?[A-Za-z][^<>]*$/.test(inside) || /^\d[\d:.,]*$/.test(inside);

/** A leading <v Name> (or <v.class Name>) tag: the speaker's name and where the words begin. */
function readVoiceTag(text: string): { voice: string; rest: string } | null {
  if (!text.startsWith('<v')) return null;
  const after = text[2];
  if (after !== '>' && after !== '.' && after !== ' ' && after !== '\t') return null;
  const close = text.indexOf('>');
  if (close === -1) return null;
  const inside = text.slice(2, close);
  const space = inside.search(/[ \t]/);
  return { voice: space === -1 ? '' : inside.slice(space).trim(), rest: text.slice(close + 1) };
}

/**
 * One SRT text line as Verity words: HTML-like tags (<i>, <font …>), SSA overrides ({\an8}) and the few
 * entities SRT writers use are removed or decoded; a leading <v Name> names the speaker.
 */
export function readSrtCueLine(line: string): CueLine {
  const trimmed = line.trim();
  const voice = readVoiceTag(trimmed);
  const words = removeDelimited(removeDelimited(voice ? voice.rest : trimmed, '<', '>', isTag), '{\\', '}', () => true);
  const text = decodeEntities(words).trim();
  return voice ? { text, voice: voice.voice, isVoiceStart: true } : { text };
}
