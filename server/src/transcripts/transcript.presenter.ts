import type { Role, TranscriptSummary } from '@verity/common';

/** A transcript row as one user sees it. */
export function presentTranscript(
  transcript: { id: string; title: string; status: TranscriptSummary['status']; createdAt: Date; updatedAt: Date; owner: { displayName: string } },
  role: Role,
): TranscriptSummary {
  return {
    id: transcript.id,
    title: transcript.title,
    status: transcript.status,
    role,
    ownerName: transcript.owner.displayName,
    createdAt: transcript.createdAt.toISOString(),
    updatedAt: transcript.updatedAt.toISOString(),
  };
}
