import type { Readable } from 'node:stream';

/**
 * Where recordings live. Finished files are content-addressed by SHA-256 (the same recording attached to
 * two transcripts is stored once); an upload in progress is addressed by its upload id. The disk store
 * (disk-media-store.ts) is the default; a shared volume or an object store can stand in by implementing
 * this, staging a local copy where ffmpeg needs a path.
 */
export interface MediaStore {
  /** Writes a chunk of an upload at `offset` (creating the upload's file at offset 0). */
  writeUploadChunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<void>;
  /** The upload's bytes as a local file, cut to `sizeBytes` (a retried chunk may have left more). */
  finishUpload(uploadId: string, sizeBytes: number): Promise<string>;
  /** Removes an upload's bytes; nothing happens when there are none. */
  discardUpload(uploadId: string): Promise<void>;
  /** The ids of the uploads that have bytes stored (to find bytes whose upload row is gone). */
  listUploadIds(): Promise<string[]>;
  /** Removes temporary files untouched for `olderThanMs` (left by a crash mid-transcode); answers how many. */
  sweepScratch(olderThanMs: number): Promise<number>;
  /** A fresh local path for a temporary file (a transcode); the caller removes or stores it. */
  scratchPath(suffix: string): Promise<string>;
  /** Moves a local file in as the blob `sha256` (dropped when that blob already exists). */
  putBlob(sha256: string, localPath: string): Promise<void>;
  /** The blob's size in bytes, or null when there is none. */
  blobSize(sha256: string): Promise<number | null>;
  /** A local path ffmpeg can read the blob from. */
  blobPath(sha256: string): string;
  /** Streams bytes `start`..`end` (inclusive) of a blob. */
  readBlob(sha256: string, range: { start: number; end: number }): Readable;
  deleteBlob(sha256: string): Promise<void>;
  /** Small files computed from a blob (waveform peaks), kept beside it. */
  putDerived(sha256: string, name: string, text: string): Promise<void>;
  readDerived(sha256: string, name: string): Promise<string | null>;
}

/** Only these reach a path: a forged id or hash cannot name a file outside the store. */
export function assertSha256(value: string): string {
  if (!/^[0-9a-f]{64}$/.test(value)) throw new Error(`not a SHA-256: ${value.slice(0, 80)}`);
  return value;
}

export function assertUploadId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) throw new Error(`not an upload id: ${value.slice(0, 80)}`);
  return value;
}

export function assertDerivedName(value: string): string {
  if (!/^[a-z0-9-]+\.[a-z0-9]+$/.test(value)) throw new Error(`not a derived file name: ${value.slice(0, 80)}`);
  return value;
}
