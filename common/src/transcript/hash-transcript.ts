import { serializeTranscriptJson } from '../formats/serialize-transcript-json.ts';
import { transcriptSchema, type TranscriptInput } from './transcript.schema.ts';

/**
 * SHA-256 (hex) of a transcript's canonical Verity JSON: the one content hash for versions and exports.
 * The transcript is re-parsed first so key order follows the schema, not the object it came from
 * (PostgreSQL jsonb, for one, reorders keys); equal content therefore always hashes equally.
 * Web Crypto, so it runs in browsers and Node alike.
 */
export async function hashTranscript(transcript: TranscriptInput): Promise<string> {
  const canonical = serializeTranscriptJson(transcriptSchema.parse(transcript));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
