import type { Transcript } from '../transcript/transcript.schema.ts';
import { canonicalizeTranscript, computeIntegrity } from './canonical-transcript.ts';

/**
 * Verity JSON for an authoritative export: the canonical transcript (self-describing through its
 * "schema" tag) plus an "integrity" block with the SHA-256 of that canonical form. The importer ignores
 * the block, so the file imports back losslessly.
 */
export async function writeVerityJson(transcript: Transcript): Promise<string> {
  const canonical = canonicalizeTranscript(transcript);
  const integrity = await computeIntegrity(canonical);
  return `${JSON.stringify({ ...canonical, integrity }, null, 2)}\n`;
}
