import { AppError, decodeTranscriptBytes, detectFormat, parseTranscriptWithWarnings, type ImportFormat, type ParseWarning, type SourceFormat, type Transcript } from '@verity/common';

/** An uploaded transcript file, as every import entry point (HTTP, CLI) hands it in. */
export interface ImportFile {
  bytes: Uint8Array;
  fileName: string;
  format: ImportFormat;
  /** Refuse larger files with payload_too_large; the parser's default (20 MB) when unset. */
  maxBytes?: number;
}

function hasNulCharacter(transcript: Transcript): boolean {
  let found = false;
  JSON.stringify(transcript, (_key, value: unknown) => {
    if (typeof value === 'string' && value.includes('\0')) found = true;
    return value;
  });
  return found;
}

/**
 * Decodes and parses a file, and says which importer read it (Verity JSON keeps the sourceFormat of
 * the file it was exported from, so metadata cannot tell), with the warnings for what the caption
 * importers skipped. Bad input throws the parser's AppError.
 */
export function readImportFile(file: ImportFile): { transcript: Transcript; detectedFormat: SourceFormat; warnings: ParseWarning[] } {
  const { text } = decodeTranscriptBytes(file.bytes, file.maxBytes);
  const detectedFormat = file.format === 'auto' ? detectFormat(text) : file.format;
  const { transcript, warnings } = parseTranscriptWithWarnings(text, { fileName: file.fileName, format: detectedFormat, maxBytes: file.maxBytes });
  // PostgreSQL's jsonb cannot hold U+0000; binary files are refused earlier, so only a JSON "\u0000" gets here.
  if (detectedFormat === 'json' && hasNulCharacter(transcript)) {
    throw new AppError('malformed_file', 'The transcript contains a NUL character (\\u0000), which Verity cannot store.');
  }
  return { transcript, detectedFormat, warnings };
}
