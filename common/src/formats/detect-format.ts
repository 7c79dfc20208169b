import { AppError } from '../errors.ts';
import type { SourceFormat } from '../transcript/transcript.schema.ts';

const srtStart = /^\d+\s*\n\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->/;
const timingLine = /^\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->/;
// Two or more ">>" turn marks at line starts (after any indentation) make a CART transcript.
const cartTurn = /^[\s\u00a0]*>>/gm;

/** Guesses the format of decoded text from its content: JSON, WebVTT, SRT, CART, else plain text. */
export function detectFormat(text: string): SourceFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) throw new AppError('unsupported_format', 'The file is an RTF document; export the transcript as plain text, SRT, WebVTT or Verity JSON.');
  if (head.startsWith('{')) return 'json';
  if (/^WEBVTT(?:[ \t\n]|$)/.test(head)) return 'vtt';
  if (srtStart.test(head) || timingLine.test(head)) return 'srt';
  const turns = text.slice(0, 200_000).match(cartTurn);
  if (turns && turns.length >= 1) return 'cart';
  return 'text';
}
