import { AppError } from '../errors.ts';
import { sourceFormats } from '../transcript/transcript.schema.ts';
import type { SourceFormat, Transcript } from '../transcript/transcript.schema.ts';
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

/** Decodes, detects and parses a transcript file; every failure is an AppError with a readable message. */
export function parseTranscript(input: Uint8Array | string, options: ParseTranscriptOptions = {}): Transcript {
  const format = options.format ?? 'auto';
  if (format !== 'auto' && !(sourceFormats as readonly string[]).includes(format)) {
    throw new AppError('unsupported_format', `Unknown format "${String(format)}"; use auto, ${sourceFormats.join(', ')}.`);
  }
  const { text } = decodeTranscriptBytes(input, options.maxBytes ?? defaultMaxBytes);
  const detected = format === 'auto' ? detectFormat(text) : format;
  const join = options.joinConsecutiveCues ?? true;
  if (detected === 'json') return parseTranscriptJson(text);
  const transcript =
    detected === 'cart' ? parseCart(text) : detected === 'srt' ? parseSrt(text, join) : detected === 'vtt' ? parseVtt(text, join) : parsePlainText(text);
  transcript.metadata.sourceFileName = options.fileName ?? null;
  return transcript;
}
