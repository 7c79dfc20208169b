import { AppError } from '../errors.ts';
import type { SourceFormat } from '../transcript/transcript.schema.ts';

// "[^\S\n]*\n" rather than "\s*\n": two whitespace runs that can both take a newline backtrack quadratically.
const srtStart = /^\d+[^\S\n]*\n\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->/;
const timingLine = /^\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->/;
// A ">>" turn mark at a line start (after any indentation) makes a CART transcript. The indentation
// excludes line breaks so each line is scanned once: "\s*" from every start of a blank run is quadratic.
const cartTurn = /^[^\S\n\r\u2028\u2029]*>>/m;

/** Guesses the format of decoded text from its content: JSON, WebVTT, SRT, CART, else plain text. */
export function detectFormat(text: string): SourceFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) throw new AppError('unsupported_format', 'The file is an RTF document; export the transcript as plain text, SRT, WebVTT or Verity JSON.');
  if (head.startsWith('{')) return 'json';
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return 'vtt';
  if (srtStart.test(head) || timingLine.test(head)) return 'srt';
  if (cartTurn.test(text.slice(0, 200_000))) return 'cart';
  return 'text';
}
