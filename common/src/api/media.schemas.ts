import { z } from 'zod';
import { uuidParam } from './params.schemas.ts';

/** A chunk is at most this big: the server holds one chunk in memory per request, the client resumes per chunk. */
export const mediaChunkMaxBytes = 8 * 1024 * 1024;

/** The file extensions the attach dialog offers; the server decides by probing, never by the name. */
export const mediaFileExtensions = ['.mp3', '.m4a', '.aac', '.wav', '.flac', '.ogg', '.opus', '.oga', '.webm', '.mp4', '.mov', '.mkv'] as const;

/** POST …/media/uploads: starts a chunked upload of a recording of `sizeBytes` bytes. */
export const createMediaUploadRequestSchema = z.object({
  fileName: z.string().trim().min(1, 'must not be empty').max(255).regex(/^[^\p{Cc}/\\]+$/u, 'must be a file name, not a path'),
  sizeBytes: z.number().int().positive('an empty file is not a recording'),
  /** Optional: the SHA-256 the client computed; the finished upload must match it. */
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits').transform((value) => value.toLowerCase()).optional(),
});
export type CreateMediaUploadRequest = z.infer<typeof createMediaUploadRequestSchema>;

/** POST …/media/from-url: the server fetches the recording from a direct http(s) address (checked there against SSRF). */
export const attachMediaUrlRequestSchema = z.object({ url: z.string().trim().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters') });
export type AttachMediaUrlRequest = z.infer<typeof attachMediaUrlRequestSchema>;

/** PUT …/media/uploads/:uploadId?offset=N: the chunk's first byte position, which must be the server's offset. */
export const mediaChunkQuerySchema = z.object({ offset: z.string().regex(/^\d{1,15}$/, 'must be a byte position').transform(Number) });

export const mediaUploadParamsSchema = z.object({ uploadId: uuidParam('No such upload on this transcript.') });

/** The work after the last chunk: checking (hash, probe; no percent), reading the waveform, making a playable copy. */
export const mediaProcessingSchema = z.object({
  step: z.enum(['checking', 'peaks', 'transcoding']),
  percent: z.number().nullable(),
});
export type MediaProcessing = z.infer<typeof mediaProcessingSchema>;

/** An upload in progress: the client sends the next chunk from `offset`; `processing` is set once every byte is in. */
export const mediaUploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  offset: z.number(),
  processing: mediaProcessingSchema.nullable().optional(),
});
export type MediaUpload = z.infer<typeof mediaUploadSchema>;

/** The recording attached to a transcript, as members see it. */
export const recordingSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  durationMs: z.number(),
  container: z.string(),
  audioCodec: z.string(),
  hasVideo: z.boolean(),
  /** Set when the original could not be played by browsers and was transcoded for playback. */
  isTranscoded: z.boolean(),
  playableType: z.string(),
  attachedAt: z.string(),
  attachedBy: z.object({ id: z.string(), displayName: z.string() }),
});
export type Recording = z.infer<typeof recordingSchema>;

/** The answer to a chunk: the upload continues, or the last chunk attached the recording. */
export const mediaChunkResponseSchema = z.union([
  z.object({ upload: mediaUploadSchema }),
  z.object({ recording: recordingSchema }),
]);
export type MediaChunkResponse = z.infer<typeof mediaChunkResponseSchema>;

/**
 * Waveform peaks of the whole recording (audiowaveform's JSON layout, 8-bit): `data` holds min, max
 * pairs, one per `samplesPerPixel` samples at `sampleRate`.
 */
export const mediaPeaksSchema = z.object({
  version: z.literal(2),
  channels: z.literal(1),
  sampleRate: z.number(),
  samplesPerPixel: z.number(),
  bits: z.literal(8),
  length: z.number(),
  data: z.array(z.number()),
});
export type MediaPeaks = z.infer<typeof mediaPeaksSchema>;

/** POST …/media/timings: sets a turn's start (seconds, from the playhead; null clears it). */
export const setTurnStartRequestSchema = z.object({
  turnId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be a turn id'),
  start: z.number().finite().min(0).max(7 * 24 * 3600).nullable(),
});
export type SetTurnStartRequest = z.infer<typeof setTurnStartRequestSchema>;
