import { AppError } from '../errors.ts';

/** Files larger than this are refused unless the caller sets maxBytes. */
export const defaultMaxBytes = 20 * 1024 * 1024;

/** The encodings a transcript may arrive in; cp1252 is converted on read. */
export type TranscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Document formats people upload by mistake; naming them helps more than "binary file".
const knownContainers: { magic: number[]; name: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word .docx document)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'a legacy Office (.doc) document' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];
// Bytes with no character in cp1252; their presence means some other encoding.
const undefinedInCp1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
// Code points for bytes 0x80–0x9F, where cp1252 differs from Latin-1 (the undefined five map to themselves).
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

// "WEBVTT", after an optional UTF-8 BOM: the WebVTT parser replaces NUL by U+FFFD instead of refusing the file.
const webVttSignature = [0x57, 0x45, 0x42, 0x56, 0x54, 0x54];
// Tab, LF, VT, FF and CR lay text out; WebVTT counts FF as whitespace and old caption encoders emit VT and FF.
const layoutControls = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

function assertTextLike(bytes: Uint8Array): void {
  const isWebVtt = startsWith(bytes, webVttSignature) || startsWith(bytes, [0xef, 0xbb, 0xbf, ...webVttSignature]);
  let controls = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte === 0) {
      if (isWebVtt) continue;
      throw new AppError('binary_file', 'The file contains NUL bytes, so it is binary data rather than a text transcript.');
    }
    if ((byte < 0x20 && !layoutControls.has(byte)) || byte === 0x7f) controls++;
  }
  if (controls > 8 && controls / bytes.length > 0.01) {
    throw new AppError('binary_file', 'The file is mostly control characters, so it is binary data rather than a text transcript.');
  }
}

function decodeStrict(bytes: Uint8Array, encoding: string, offset: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(offset));
  } catch {
    return null;
  }
}

function decodeCp1252(bytes: Uint8Array): string | null {
  let high = 0;
  for (const byte of bytes) {
    if (undefinedInCp1252.has(byte)) return null;
    if (byte >= 0x80) high++;
  }
  // Western text has occasional accented letters; a high share of 8-bit bytes means a CJK or other multibyte encoding.
  if (high / bytes.length > 0.3) return null;
  // Decoded by table: some runtimes' TextDecoder treats windows-1252 as Latin-1 and loses curly quotes.
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = Array.from(bytes.subarray(start, start + 8192), (byte) => (byte >= 0x80 && byte < 0xa0 ? (cp1252High[byte - 0x80] ?? byte) : byte));
    text += String.fromCharCode(...chunk);
  }
  return text;
}

/** Decodes transcript bytes to text (BOM removed, line endings "\n"), refusing what is not a text transcript. */
export function decodeTranscriptBytes(input: Uint8Array | string, maxBytes = defaultMaxBytes): { text: string; encoding: TranscriptEncoding } {
  const size = typeof input === 'string' ? (input.length * 3 > maxBytes ? new TextEncoder().encode(input).length : input.length) : input.length;
  if (size > maxBytes) {
    throw new AppError('payload_too_large', `The file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}.`);
  }
  let text: string | null;
  let encoding: TranscriptEncoding = 'utf-8';
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const bytes = input;
    if (bytes.length === 0) throw new AppError('empty_file', 'The file is empty.');
    if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
      throw new AppError('unsupported_encoding', 'The file is UTF-32 encoded; save it as UTF-8 and try again.');
    }
    if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
      encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      text = decodeStrict(bytes, encoding, 2);
      if (text === null) throw new AppError('unsupported_encoding', `The file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}.`);
    } else {
      const container = knownContainers.find((known) => startsWith(bytes, known.magic));
      if (container) throw new AppError('unsupported_format', `The file is ${container.name}; export the transcript as plain text, SRT, WebVTT or Verity JSON.`);
      assertTextLike(bytes);
      const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
      text = decodeStrict(bytes, 'utf-8', hasBom ? 3 : 0);
      if (text === null && !hasBom) {
        text = decodeCp1252(bytes);
        encoding = 'windows-1252';
      }
      if (text === null) throw new AppError('unsupported_encoding', 'The file is not valid UTF-8, UTF-16 or Windows-1252 text; save it as UTF-8 and try again.');
    }
  }
  if (text.trim() === '') throw new AppError('empty_file', 'The file contains only whitespace; there is no transcript in it.');
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, encoding };
}
