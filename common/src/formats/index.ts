// Importers and the Verity JSON writer; each format's parser is reached through parseTranscript.
export { parseTranscript, parseTranscriptWithWarnings } from './parse-transcript.ts';
export type { ParsedTranscript, ParseTranscriptOptions, ParseWarning } from './parse-transcript.ts';
export { detectFormat } from './detect-format.ts';
export { decodeTranscriptBytes, defaultMaxBytes } from './decode-transcript-bytes.ts';
export type { TranscriptEncoding } from './decode-transcript-bytes.ts';
export { parseTranscriptJson } from './parse-transcript-json.ts';
export { serializeTranscriptJson } from './serialize-transcript-json.ts';
