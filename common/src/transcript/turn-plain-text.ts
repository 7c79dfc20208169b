import type { Segment, Turn } from './transcript.schema.ts';

/** A segment as it reads in plain text: uncertain words keep their marker, events their raw form. */
export function segmentPlainText(segment: Segment): string {
  switch (segment.type) {
    case 'text':
      return segment.text;
    case 'uncertain':
      // "(word?)" already contains its words; "word(?)" was stored as text + marker.
      return segment.text === '' || segment.marker.includes(segment.text) ? segment.marker : segment.text + segment.marker;
    case 'event':
      return segment.raw;
  }
}

/** The turn's content as plain text, paragraphs separated by "\n". */
export function turnPlainText(turn: Pick<Turn, 'content'>): string {
  let text = '';
  for (const segment of turn.content) text += segmentPlainText(segment);
  return text;
}

/** The words actually spoken in a turn: text and uncertain words, without markers or events. */
export function turnSpokenText(turn: Pick<Turn, 'content'>): string {
  let text = '';
  for (const segment of turn.content) {
    if (segment.type === 'text') text += segment.text;
    else if (segment.type === 'uncertain') text += segment.text;
    else text += ' ';
  }
  return text;
}

const wordPattern = /[\p{L}\p{N}]/u;

/** Counts whitespace-separated tokens containing a letter or digit ("--" is not a word), like wc -w. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (token !== '' && wordPattern.test(token)) count++;
  return count;
}
