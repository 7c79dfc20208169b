import type { Transcript } from '../transcript/transcript.schema.ts';
import { canonicalizeTranscript, computeIntegrity } from './canonical-transcript.ts';
import type { ExportOptions } from './export-options.ts';

/**
 * Verity JSON for an authoritative export: the canonical transcript (self-describing through its
 * "schema" tag), "recordingSha256" (the recording it was timed against, or null) and an "integrity"
 * block with the SHA-256 of the canonical form. The recording hash is outside the hashed part, so the
 * hash stays the version's content hash (docs/canonical-form.md); the importer ignores both.
 */
export async function writeVerityJson(transcript: Transcript, options: ExportOptions = {}): Promise<string> {
  const canonical = canonicalizeTranscript(transcript);
  const integrity = await computeIntegrity(canonical);
  const recordingSha256 = options.recordingSha256 && /^[0-9a-f]{64}$/.test(options.recordingSha256) ? options.recordingSha256 : null;
  return `${JSON.stringify({ ...canonical, recordingSha256, integrity }, null, 2)}\n`;
}
