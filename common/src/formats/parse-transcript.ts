import { AppError } from '../errors.ts';
import { sourceFormats } from '../transcript/transcript.schema.ts';
import type { SourceFormat, Transcript } from '../transcript/transcript.schema.ts';
import type { ParsedTranscript } from './collect-parse-warnings.ts';
import { decodeTranscriptBytes, defaultMaxBytes } from './decode-transcript-bytes.ts';
import { detectFormat } from './detect-format.ts';
import { parseCart } from './parse-cart.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { parseSrt } from './parse-srt.ts';
import { parseTranscriptJson } from './parse-transcript-json.ts';
import { parseVtt } from './parse-vtt.ts';

/** How to read an uploaded file. */
export interface ParseTranscriptOptions {
  /** Recorded as metadata.sourceFileName (except for Verity JSON, which keeps its own). */
  fileName?: string | null;
  format?: 'auto' | SourceFormat;
  /** Refuse larger inputs with 'payload_too_large'; default 20 MB. */
  maxBytes?: number;
  /** Join consecutive SRT/VTT cues of one speaker into one turn; default true. */
  joinConsecutiveCues?: boolean;
}

export type { ParsedTranscript, ParseWarning } from './collect-parse-warnings.ts';

/**
 * Decodes, detects and parses a transcript file, with the warnings (line and reason) for what the
 * caption importers skipped; a file that cannot be read at all is an AppError with a readable message.
 */
export function parseTranscriptWithWarnings(input: Uint8Array | string, options: ParseTranscriptOptions = {}): ParsedTranscript {
  const format = options.format ?? 'auto';
  if (format !== 'auto' && !(sourceFormats as readonly string[]).includes(format)) {
    throw new AppError('unsupported_format', `Unknown format "${String(format)}"; use auto, ${sourceFormats.join(', ')}.`);
  }
  const { text } = decodeTranscriptBytes(input, options.maxBytes ?? defaultMaxBytes);
  const detected = format === 'auto' ? detectFormat(text) : format;
  const join = options.joinConsecutiveCues ?? true;
  if (detected === 'json') return { transcript: parseTranscriptJson(text), warnings: [] };
  // Only the caption parsers replace NUL (WebVTT's rule); elsewhere it means binary data (e.g. forced --format on UTF-16 input).
  if ((detected === 'cart' || detected === 'text') && text.includes('\0')) {
    throw new AppError('binary_file', 'The file contains NUL characters, so it is binary data rather than a text transcript.');
  }
  const parsed =
    detected === 'srt' ? parseSrt(text, join) : detected === 'vtt' ? parseVtt(text, join) : { transcript: detected === 'cart' ? parseCart(text) : parsePlainText(text), warnings: [] };
  parsed.transcript.metadata.sourceFileName = options.fileName ?? null;
  return parsed;
}

/** Decodes, detects and parses a transcript file; every failure is an AppError with a readable message. */
export function parseTranscript(input: Uint8Array | string, options: ParseTranscriptOptions = {}): Transcript {
  return parseTranscriptWithWarnings(input, options).transcript;
}
