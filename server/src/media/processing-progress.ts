import type { MediaProcessing } from '@verity/common';

/**
 * How far the work after an upload's last chunk has got, by upload id, so the client polling the upload
 * can say "Reading the waveform… 40%". Held in this process only: the request doing the work is here too.
 */
const progressByUpload = new Map<string, MediaProcessing>();

/** Records the step and percent (null while a step cannot tell) an upload's processing is at. */
export function reportProcessing(uploadId: string, progress: MediaProcessing): void {
  progressByUpload.set(uploadId, progress);
}

/** Where an upload's processing stands, or null when it is not being processed. */
export function readProcessing(uploadId: string): MediaProcessing | null {
  return progressByUpload.get(uploadId) ?? null;
}

/** Forgets an upload's progress once its processing has ended, either way. */
export function endProcessing(uploadId: string): void {
  progressByUpload.delete(uploadId);
}
