import type { Recording } from '@verity/common';

/** A recording row with the attaching user, as the database returns it. */
export interface RecordingRow {
  sha256: string;
  fileName: string;
  sizeBytes: bigint;
  durationMs: number;
  container: string;
  audioCodec: string;
  hasVideo: boolean;
  playableSha256: string;
  playableType: string;
  attachedAt: Date;
  attachedBy: { id: string; displayName: string };
}

/** The recording as members see it (HTTP and the attach response alike). */
export function presentRecording(row: RecordingRow): Recording {
  return {
    sha256: row.sha256,
    fileName: row.fileName,
    sizeBytes: Number(row.sizeBytes),
    durationMs: row.durationMs,
    container: row.container,
    audioCodec: row.audioCodec,
    hasVideo: row.hasVideo,
    isTranscoded: row.playableSha256 !== row.sha256,
    playableType: row.playableType,
    attachedAt: row.attachedAt.toISOString(),
    attachedBy: { id: row.attachedBy.id, displayName: row.attachedBy.displayName },
  };
}

/** The include that gives a recording row what presentRecording needs. */
export const recordingInclude = { attachedBy: { select: { id: true, displayName: true } } } as const;
