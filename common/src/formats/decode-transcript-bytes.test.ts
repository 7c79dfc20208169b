import { describe, expect, it } from 'vitest';
import { decodeTranscriptBytes } from './decode-transcript-bytes.ts';
import { parseTranscript } from './parse-transcript.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

describe('decodeTranscriptBytes', () => {
  it('reads UTF-8 with and without BOM and normalizes line endings', () => {
    expect(decodeTranscriptBytes(encode('>> A: Hi\r\nthere\rnow'))).toEqual({ text: '>> A: Hi\nthere\nnow', encoding: 'utf-8' });
    expect(decodeTranscriptBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Caf\u00e9')]))).toEqual({ text: 'Caf\u00e9', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = '>> L\u00c9A: Bonjour\u00a0!';
    expect(decodeTranscriptBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeTranscriptBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16be' });
    expect(parseTranscript(utf16(text, true)).turns).toHaveLength(1);
  });

  it('converts Windows-1252 bytes', () => {
    // "Café “quoted” – done" in cp1252: é=E9, “=93, ”=94, –=96.
    const bytes = new Uint8Array([...encode('Caf'), 0xe9, 0x20, 0x93, ...encode('quoted'), 0x94, 0x20, 0x96, ...encode(' done')]);
    expect(decodeTranscriptBytes(bytes)).toEqual({ text: 'Caf\u00e9 \u201cquoted\u201d \u2013 done', encoding: 'windows-1252' });
  });

  it('refuses empty, whitespace-only, binary, oversized and undecodable input', () => {
    const failWith = (input: Uint8Array | string, code: string, message?: RegExp, maxBytes?: number) =>
      expect(() => decodeTranscriptBytes(input, maxBytes)).toThrow(expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) }));
    failWith(new Uint8Array(), 'empty_file', /empty/);
    failWith(encode(' \n\u00a0\t\n'), 'empty_file', /only whitespace/);
    failWith(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty_file');
    failWith(new Uint8Array([0x41, 0x00, 0x42, 0x43]), 'binary_file', /NUL/);
    failWith(new Uint8Array(Array.from({ length: 200 }, (_value, index) => (index % 3 === 0 ? 0x01 : 0x41))), 'binary_file', /control characters/);
    failWith(encode('%PDF-1.7 ...'), 'unsupported_format', /PDF/);
    failWith(encode('x'.repeat(101)), 'payload_too_large', /limit is 1 KB/, 100);
    failWith('x'.repeat(101), 'payload_too_large', undefined, 100);
    failWith(new Uint8Array([0x41, 0x81, 0x42]), 'unsupported_encoding', /UTF-8/);
    // Shift-JIS "日本語のテキスト": valid in no encoding we read.
    failWith(new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x83, 0x65, 0x83, 0x4c, 0x83, 0x58, 0x83, 0x67]), 'unsupported_encoding');
    failWith(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]), 'unsupported_encoding', /UTF-32/);
    failWith(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'unsupported_encoding', /UTF-16LE/);
  });

  it('does not count WebVTT whitespace (form feed) or vertical tabs as binary, and lets WebVTT keep its NULs', () => {
    const layout = encode(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'a\f\u000b'.repeat(50)}`);
    expect(decodeTranscriptBytes(layout).text).toContain('a\f\u000ba');
    expect(decodeTranscriptBytes(encode('plain\f\u000b'.repeat(40))).encoding).toBe('utf-8');
    // NUL is refused as binary data unless the file has the WebVTT signature (whose parser replaces it by U+FFFD).
    expect(decodeTranscriptBytes(encode('WEBVTT\n\n00:01.000 --> 00:02.000\nA\0B')).text).toContain('A\0B');
    expect(decodeTranscriptBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('WEBVTT\0')])).text).toBe('WEBVTT\0');
    expect(() => decodeTranscriptBytes(encode('1\n00:00:01,000 --> 00:00:02,000\nA\0B'))).toThrow(expect.objectContaining({ code: 'binary_file' }));
    expect(() => decodeTranscriptBytes(encode('WEBVT\0'))).toThrow(expect.objectContaining({ code: 'binary_file' }));
  });

  it('refuses NUL characters for the formats that cannot replace them (a forced format on UTF-16 text)', () => {
    expect(() => parseTranscript(utf16('Alice: A\0B', true), { format: 'text' })).toThrow(expect.objectContaining({ code: 'binary_file' }));
    expect(parseTranscript(utf16('1\n00:00:01,000 --> 00:00:02,000\nA\0B', true), { format: 'srt' }).turns).toHaveLength(1);
  });
});
