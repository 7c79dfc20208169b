import { AppError } from '../errors.ts';
import type { SourceFormat } from '../transcript/transcript.schema.ts';

// A timing line, even a broken one (the SRT parser skips and reports it): digits, colons, dots or commas, then "-->".
// Tested on one trimmed line at a time, so no whitespace run can backtrack across line breaks.
const timingStart = /^\d[\d:.,]*[ \t]*-->/;
// A ">>" turn mark at a line start (after any indentation) makes a CART transcript. The indentation
// excludes line breaks so each line is scanned once: "\s*" from every start of a blank run is quadratic.
const cartTurn = /^[^\S\n\r\u2028\u2029]*>>/m;

/** SRT starts with a timing line, or a cue number and then a timing line; only the first lines are looked at. */
function looksLikeSrt(head: string): boolean {
  const [first = '', second = ''] = head.slice(0, 1000).split('\n', 2).map((line) => line.trim());
  return timingStart.test(first) || (/^\d+$/.test(first) && second.includes('-->'));
}

/** Guesses the format of decoded text from its content: JSON, WebVTT, SRT, CART, else plain text. */
export function detectFormat(text: string): SourceFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) throw new AppError('unsupported_format', 'The file is an RTF document; export the transcript as plain text, SRT, WebVTT or Verity JSON.');
  if (head.startsWith('{')) return 'json';
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return 'vtt';
  if (looksLikeSrt(head)) return 'srt';
  if (cartTurn.test(text.slice(0, 200_000))) return 'cart';
  return 'text';
}
