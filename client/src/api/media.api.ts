import { z } from 'zod';
import { apiRoutes, mediaChunkMaxBytes, mediaChunkResponseSchema, mediaPeaksSchema, mediaUploadSchema, recordingSchema, type MediaPeaks, type MediaProcessing, type Recording } from '@verity/common';
import { apiRequest, apiUpload } from './api-client.ts';
import { isApiError } from './api-error.ts';

/** The transcript's recording, or null. */
export async function fetchRecording(transcriptId: string, signal?: AbortSignal): Promise<Recording | null> {
  return (await apiRequest(apiRoutes.media(transcriptId), { schema: z.object({ recording: recordingSchema.nullable() }), signal })).recording;
}

/** The whole recording's waveform peaks, computed by the server. */
export function fetchPeaks(transcriptId: string, signal?: AbortSignal): Promise<MediaPeaks> {
  return apiRequest(apiRoutes.mediaPeaks(transcriptId), { schema: mediaPeaksSchema, signal });
}

/** Sets a turn's start (seconds) as the signed-in corrector's change. */
export function setTurnStart(transcriptId: string, turnId: string, start: number | null): Promise<undefined> {
  return apiRequest(apiRoutes.mediaTimings(transcriptId), { method: 'POST', body: { turnId, start } });
}

/** Has the server fetch the recording from a direct media URL and process it like an upload. */
export async function attachRecordingFromUrl(transcriptId: string, url: string, signal?: AbortSignal): Promise<Recording> {
  return (await apiRequest(apiRoutes.mediaFromUrl(transcriptId), { method: 'POST', body: { url }, schema: z.object({ recording: recordingSchema }), signal })).recording;
}

const uploadResponse = z.object({ upload: mediaUploadSchema });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads a recording in chunks, resuming after a failed chunk from the offset the server reports (a
 * slow or flaky link costs one chunk, not the upload). Gives up after five failures in a row.
 */
export async function uploadRecording(
  transcriptId: string,
  file: File,
  options: { onProgress?: (fraction: number) => void; onProcessing?: (processing: MediaProcessing) => void; signal?: AbortSignal } = {},
): Promise<Recording> {
  const { upload } = await apiRequest(apiRoutes.mediaUploads(transcriptId), { method: 'POST', body: { fileName: file.name, sizeBytes: file.size }, schema: uploadResponse, signal: options.signal });
  const url = apiRoutes.mediaUpload(transcriptId, upload.id);
  let offset = upload.offset;
  let failures = 0;
  for (;;) {
    const chunk = file.slice(offset, Math.min(file.size, offset + mediaChunkMaxBytes));
    // While the last chunk's request processes the file, the upload's own status tells how far it got.
    const stopWatching = offset + chunk.size >= file.size && options.onProcessing ? watchProcessing(url, options.onProcessing) : () => undefined;
    try {
      const result = await apiUpload(`${url}?offset=${offset}`, {
        method: 'PUT',
        file: chunk,
        schema: mediaChunkResponseSchema,
        signal: options.signal,
        onProgress: (fraction) => options.onProgress?.((offset + fraction * chunk.size) / file.size),
      }).finally(stopWatching);
      if ('recording' in result) return result.recording;
      offset = result.upload.offset;
      failures = 0;
    } catch (error) {
      // Refusals of the file itself (bad media, too big, no access) end the upload; the rest is retried.
      if (options.signal?.aborted || (isApiError(error) && error.status >= 400 && error.status !== 409 && error.status < 500)) throw error;
      if (++failures >= 5) throw error;
      await pause(500 * failures);
      const status = await apiRequest(url, { schema: uploadResponse, signal: options.signal }).catch((lost: unknown) => {
        if (isApiError(lost, 'not_found')) return null;
        throw lost;
      });
      // Every byte arrived and the server is (or was) processing: wait for its outcome instead of resending.
      if (status === null || status.upload.offset >= file.size) return waitForProcessing(transcriptId, url, file, options.signal, options.onProcessing);
      offset = status.upload.offset;
    }
  }
}

/** Polls the upload's processing progress every second until stopped; a failed poll is skipped, not fatal. */
function watchProcessing(url: string, onProcessing: (processing: MediaProcessing) => void): () => void {
  let isStopped = false;
  const controller = new AbortController();
  void (async () => {
    while (!isStopped) {
      await pause(1000);
      if (isStopped) break;
      const status = await apiRequest(url, { schema: uploadResponse, signal: controller.signal }).catch(() => null);
      if (!isStopped && status?.upload.processing) onProcessing(status.upload.processing);
    }
  })();
  return () => {
    isStopped = true;
    controller.abort();
  };
}

/** After the answer to the last chunk was lost: polls until the upload is gone, then reads what was attached. */
async function waitForProcessing(transcriptId: string, url: string, file: File, signal?: AbortSignal, onProcessing?: (processing: MediaProcessing) => void): Promise<Recording> {
  for (;;) {
    const isGone = await apiRequest(url, { schema: uploadResponse, signal }).then(
      (status) => {
        if (status.upload.processing) onProcessing?.(status.upload.processing);
        return false;
      },
      (error: unknown) => {
        if (isApiError(error, 'not_found')) return true;
        throw error;
      },
    );
    if (isGone) break;
    await pause(2000);
  }
  const recording = await fetchRecording(transcriptId, signal);
  // The earlier recording, still attached, means this one was refused.
  if (!recording || recording.sizeBytes !== file.size || recording.fileName !== file.name) throw new Error('The server could not use this recording. Upload it again to see why.');
  return recording;
}
