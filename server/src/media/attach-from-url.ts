import { createMediaUploadRequestSchema, mediaChunkMaxBytes, type Recording } from '@verity/common';
import { attachRecording } from './attach-recording.ts';
import { fetchMediaUrl, parseMediaUrl } from './fetch-media-url.ts';
import { createMediaUpload, type UploadContext } from './media-uploads.ts';

/** The recording's name from the address's last path segment, or "recording" when that is no file name. */
export function fileNameFromUrl(url: URL): string {
  let last = url.pathname.split('/').pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the segment as written.
  }
  const parsed = createMediaUploadRequestSchema.shape.fileName.safeParse(last);
  return parsed.success ? parsed.data : 'recording';
}

/**
 * Attaches a recording fetched from a direct media URL: the server downloads it (fetch-media-url.ts:
 * public addresses only, size and time bounded) as an upload of the account that asked, then processes
 * it exactly like an uploaded file. A failed download leaves no upload row and no bytes.
 */
export async function attachRecordingFromUrl(options: UploadContext & { url: string; maxMediaBytes: number; allowPrivate: boolean; timeoutMs?: number }): Promise<Recording> {
  const { prisma, store } = options;
  const fileName = fileNameFromUrl(parseMediaUrl(options.url));
  // The size is unknown until the download ends: the upload reserves the limit, then records what came.
  const upload = await createMediaUpload({ ...options, request: { fileName, sizeBytes: options.maxMediaBytes }, maxMediaBytes: options.maxMediaBytes });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await store.writeUploadChunk(upload.id, written, bytes);
    written += bytes.length;
  };
  let sizeBytes: number;
  try {
    ({ sizeBytes } = await fetchMediaUrl(options.url, {
      maxBytes: options.maxMediaBytes,
      allowPrivate: options.allowPrivate,
      timeoutMs: options.timeoutMs,
      onData: async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= mediaChunkMaxBytes) await flush();
      },
    }));
    await flush();
    await prisma.mediaUpload.update({ where: { id: upload.id }, data: { sizeBytes: BigInt(sizeBytes), receivedBytes: BigInt(sizeBytes) } });
  } catch (error) {
    await store.discardUpload(upload.id);
    await prisma.mediaUpload.deleteMany({ where: { id: upload.id } });
    throw error;
  }
  return attachRecording({ prisma, store, upload: { id: upload.id, transcriptId: options.transcriptId, createdById: options.actorId, fileName, sizeBytes: BigInt(sizeBytes), sha256: null } });
}
