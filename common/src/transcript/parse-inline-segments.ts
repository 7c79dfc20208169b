import type { Segment } from './transcript.schema.ts';

// A bracketed or parenthesized span short enough to be a marker; longer ones are just text.
const markerPattern = /\[([^[\]\n]{1,60})\]|\(([^()\n]{1,60})\)/g;
const uncertainWords = /^(?:\?+$|(?:inaudible|indiscernible|unintelligible|unclear|cross-?talk|overlapping speakers?|garbled|no audio|audio (?:cut out|cuts out|drops?|lost)|audio (?:is )?(?:breaking up|unclear))\b)/i;
const eventWords = /^(?:laughter|laughs?|laughing|applause|clapping|music|silence|pause|phone ringing|phone rings|chuckles?|chuckling|cough(?:s|ing)?|cheer(?:s|ing)?|background noise|noise|beeps?|bell|gavel|feedback|mic feedback|video (?:plays|playing)|audio playing|off mic(?:rophone)?|speaking (?:in )?\p{L}+|no interpretation|sighs?|break|recess)$/iu;
// Square brackets around a capitalized short phrase are a captioner's event, e.g. "[ Door closes ]".
const bracketEvent = /^\p{Lu}[\p{L}'’ -]{0,40}$/u;

const wordCharacter = /^[\p{L}\p{N}'’\u2011-]$/u;

/**
 * The word at the very end of the text, scanned backwards one code point at a time: the regex
 * /[…]+$/ retried from every start, so a long word followed by anything was quadratic.
 */
function trailingWord(text: string): string {
  let start = text.length;
  while (start > 0) {
    const isPair = start >= 2 && /[\udc00-\udfff]/.test(text.charAt(start - 1)) && /[\ud800-\udbff]/.test(text.charAt(start - 2));
    const width = isPair ? 2 : 1;
    if (!wordCharacter.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start);
}

function cleanLabel(inner: string): string {
  return inner.replace(/\s+/g, ' ').trim();
}

type Marker = { kind: 'uncertain' } | { kind: 'uncertain-words'; words: string } | { kind: 'event'; label: string };

function classifyMarker(inner: string, isSquare: boolean): Marker | null {
  const label = cleanLabel(inner);
  if (label === '') return null;
  if (uncertainWords.test(label)) return { kind: 'uncertain' };
  if (eventWords.test(label) || (isSquare && bracketEvent.test(label))) return { kind: 'event', label };
  // "(Kaspar?)": the captioner's guess at a word or two.
  const guess = /^([\p{L}\p{N}'’ .-]{1,40})\?$/u.exec(label);
  if (guess?.[1] && guess[1].trim().split(' ').length <= 4) return { kind: 'uncertain-words', words: guess[1].trim() };
  return null;
}

/** Splits one paragraph into text, uncertain and event segments, keeping every character as written. */
export function parseInlineSegments(paragraph: string): Segment[] {
  if (!paragraph.includes('[') && !paragraph.includes('(')) return paragraph === '' ? [] : [{ type: 'text', text: paragraph }];
  const segments: Segment[] = [];
  let textStart = 0;
  for (const match of paragraph.matchAll(markerPattern)) {
    const raw = match[0];
    const marker = classifyMarker(match[1] ?? match[2] ?? '', match[1] !== undefined);
    if (!marker) continue;
    let before = paragraph.slice(textStart, match.index);
    if (marker.kind === 'event') {
      if (before !== '') segments.push({ type: 'text', text: before });
      segments.push({ type: 'event', label: marker.label, raw });
    } else if (marker.kind === 'uncertain-words') {
      if (before !== '') segments.push({ type: 'text', text: before });
      segments.push({ type: 'uncertain', text: marker.words, marker: raw });
    } else {
      // A marker glued to a word ("Kaspar(?)") doubts that word; one standing alone marks a gap.
      const words = trailingWord(before);
      before = before.slice(0, before.length - words.length);
      if (before !== '') segments.push({ type: 'text', text: before });
      segments.push({ type: 'uncertain', text: words, marker: raw });
    }
    textStart = match.index + raw.length;
  }
  if (textStart < paragraph.length) segments.push({ type: 'text', text: paragraph.slice(textStart) });
  return segments;
}
