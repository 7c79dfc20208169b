import { AppError } from '../errors.ts';
import { serializeTranscriptJson } from '../formats/serialize-transcript-json.ts';
import { hashTranscript } from '../transcript/hash-transcript.ts';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import type { Transcript, TranscriptInput } from '../transcript/transcript.schema.ts';

/** The name of the canonical form the hash is computed over (docs/canonical-form.md). */
export const canonicalizationName = 'verity-canonical-json/1';

/** The integrity block a Verity JSON export carries. */
export interface TranscriptIntegrity {
  algorithm: 'sha256';
  canonicalization: typeof canonicalizationName;
  hash: string;
}

/**
 * The transcript in canonical form: validated, keys in schema order, absent optional fields as null,
 * unknown keys (such as an export's "integrity") dropped. Equal transcripts give equal canonical JSON
 * whatever order their keys were built in: the form hashTranscript hashes.
 */
export function canonicalizeTranscript(transcript: TranscriptInput): Transcript {
  const result = transcriptSchema.safeParse(transcript);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('validation_failed', `The transcript is invalid at ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return result.data;
}

/** The canonical text the hash covers: serializeTranscriptJson of the canonical transcript. */
export function canonicalTranscriptJson(transcript: TranscriptInput): string {
  return serializeTranscriptJson(canonicalizeTranscript(transcript));
}

/** The integrity block for a transcript: SHA-256 over its canonical form, the same hash as hashTranscript. */
export async function computeIntegrity(transcript: TranscriptInput): Promise<TranscriptIntegrity> {
  return { algorithm: 'sha256', canonicalization: canonicalizationName, hash: await hashTranscript(canonicalizeTranscript(transcript)) };
}
