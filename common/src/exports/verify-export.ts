import { AppError } from '../errors.ts';
import { parseTranscriptJson } from '../formats/parse-transcript-json.ts';
import type { TranscriptInput } from '../transcript/transcript.schema.ts';
import { canonicalizationName, computeIntegrity } from './canonical-transcript.ts';

/** Whether an export still matches the hash it carries. */
export interface ExportVerification {
  isMatch: boolean;
  recordedHash: string;
  computedHash: string;
}

/**
 * Recomputes the hash of an exported Verity JSON and compares it with its integrity block. Only Verity
 * JSON is verifiable: the hash printed in CART, Markdown or DOCX headers is a reference to that JSON,
 * since those formats do not carry every field the hash covers.
 */
export async function verifyExport(text: string): Promise<ExportVerification> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('unsupported_format', 'Only a Verity JSON export carries a verifiable hash; this file is not JSON. Verify the JSON export named by the hash in its header.');
  }
  const integrity = typeof data === 'object' && data !== null && 'integrity' in data ? data.integrity : undefined;
  if (typeof integrity !== 'object' || integrity === null) throw new AppError('malformed_file', 'The JSON file has no "integrity" block, so there is no hash to verify.');
  const { algorithm, canonicalization, hash } = integrity as Record<string, unknown>;
  if (algorithm !== 'sha256' || canonicalization !== canonicalizationName || typeof hash !== 'string') {
    throw new AppError('unsupported_format', `The integrity block must name algorithm "sha256", canonicalization "${canonicalizationName}" and a hash.`);
  }
  // The importer's checks give readable errors; the hash covers the file's own data, not a re-normalized copy.
  parseTranscriptJson(text);
  const computed = await computeIntegrity(data as TranscriptInput);
  return { isMatch: computed.hash === hash.toLowerCase(), recordedHash: hash, computedHash: computed.hash };
}
