import type { Transcript } from '../transcript/transcript.schema.ts';

/** Verity JSON for a transcript: stable key order, two-space indent, trailing newline. */
export function serializeTranscriptJson(transcript: Transcript): string {
  return `${JSON.stringify(transcript, null, 2)}\n`;
}
