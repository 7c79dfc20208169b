import { AppError, mediaChunkMaxBytes, type CreateMediaUploadRequest, type MediaChunkResponse, type MediaUpload } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { attachRecording } from './attach-recording.ts';
import type { MediaStore } from './media-store.ts';
import { readProcessing } from './processing-progress.ts';

/** What upload functions share. */
export interface UploadContext {
  prisma: PrismaClient;
  store: MediaStore;
  transcriptId: string;
  actorId: string;
}

/** An account may have this many uploads open at once: each reserves up to the size limit on disk. */
export const maxOpenUploadsPerUser = 3;
/** An upload untouched this long is abandoned: its bytes are removed at the next upload anyone starts. */
export const staleUploadMs = 24 * 3_600_000;

/** Chunks of one upload are written one at a time (in this process), in the order they are accepted. */
const uploadLocks = new Map<string, Promise<unknown>>();
function withUploadLock<T>(uploadId: string, work: () => Promise<T>): Promise<T> {
  const previous = uploadLocks.get(uploadId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  uploadLocks.set(uploadId, settled);
  void settled.then(() => {
    if (uploadLocks.get(uploadId) === settled) uploadLocks.delete(uploadId);
  });
  return next;
}

const presentUpload = (row: { id: string; fileName: string; sizeBytes: bigint; receivedBytes: bigint }): MediaUpload => ({
  id: row.id,
  fileName: row.fileName,
  sizeBytes: Number(row.sizeBytes),
  offset: Number(row.receivedBytes),
  processing: readProcessing(row.id),
});

/** A temporary file (a transcode) untouched this long was left by a crash. */
export const staleScratchMs = 3_600_000;

/** Removes uploads nobody has touched for a day, bytes first (a row without bytes is harmless, the reverse is not). */
async function sweepStaleUploads(prisma: PrismaClient, store: MediaStore): Promise<void> {
  const stale = await prisma.mediaUpload.findMany({ where: { updatedAt: { lt: new Date(Date.now() - staleUploadMs) } }, select: { id: true }, take: 100 });
  for (const { id } of stale) {
    await store.discardUpload(id);
    await prisma.mediaUpload.deleteMany({ where: { id } });
  }
  await sweepMediaLeftovers(prisma, store);
}

/**
 * Removes what a crash leaves: upload bytes whose row is gone (a row is made before its first byte and
 * removed after its bytes, so such bytes belong to nobody) and temporary files untouched for an hour.
 * Run at start-up and with every stale-upload sweep; answers how many files went.
 */
export async function sweepMediaLeftovers(prisma: PrismaClient, store: MediaStore): Promise<number> {
  // Listed before the rows are read: bytes of an upload started meanwhile belong to a row that exists.
  const ids = await store.listUploadIds();
  const alive = new Set((await prisma.mediaUpload.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
  const orphans = ids.filter((id) => !alive.has(id));
  for (const id of orphans) await store.discardUpload(id);
  return orphans.length + (await store.sweepScratch(staleScratchMs));
}

/** Starts a chunked upload of a recording: checks the size against the limit before any byte is sent. */
export async function createMediaUpload(options: UploadContext & { request: CreateMediaUploadRequest; maxMediaBytes: number }): Promise<MediaUpload> {
  const { prisma, request } = options;
  if (request.sizeBytes > options.maxMediaBytes) {
    throw new AppError('payload_too_large', `This recording is ${formatMb(request.sizeBytes)}; the limit is ${formatMb(options.maxMediaBytes)}.`);
  }
  await sweepStaleUploads(prisma, options.store);
  const open = await prisma.mediaUpload.count({ where: { createdById: options.actorId } });
  if (open >= maxOpenUploadsPerUser) throw new AppError('rate_limited', `You have ${open} uploads in progress; finish or cancel one first.`);
  const row = await prisma.mediaUpload.create({
    data: { transcriptId: options.transcriptId, createdById: options.actorId, fileName: request.fileName, sizeBytes: BigInt(request.sizeBytes), sha256: request.sha256 ?? null },
  });
  return presentUpload(row);
}

/** The upload, only to the account that started it on this transcript: anyone else's id names nothing. */
async function findOwnUpload(options: UploadContext & { uploadId: string }) {
  const row = await options.prisma.mediaUpload.findUnique({ where: { id: options.uploadId } });
  if (!row || row.transcriptId !== options.transcriptId || row.createdById !== options.actorId) {
    throw new AppError('not_found', 'No such upload on this transcript (it may have finished, failed or expired).');
  }
  return row;
}

/** Where an upload stands, so a client that lost its connection resumes from the server's offset. */
export async function readMediaUpload(options: UploadContext & { uploadId: string }): Promise<MediaUpload> {
  return presentUpload(await findOwnUpload(options));
}

/**
 * Stores one chunk at `offset`, which must be exactly the bytes received so far (a chunk out of order,
 * repeated or overlapping is a 409 naming the offset to resume from). The last chunk attaches the recording.
 */
export async function appendMediaChunk(options: UploadContext & { uploadId: string; offset: number; bytes: Uint8Array }): Promise<MediaChunkResponse> {
  const { prisma, store, uploadId, offset, bytes } = options;
  return withUploadLock(uploadId, async () => {
    const row = await findOwnUpload(options);
    const received = Number(row.receivedBytes);
    const size = Number(row.sizeBytes);
    if (received === size) throw new AppError('conflict', 'This upload is complete and being processed.');
    if (offset !== received) throw new AppError('conflict', `This upload continues at byte ${received}; send the chunk from there.`);
    if (bytes.byteLength === 0) throw new AppError('bad_request', 'The chunk is empty.');
    if (bytes.byteLength > mediaChunkMaxBytes) throw new AppError('payload_too_large', `A chunk may be at most ${mediaChunkMaxBytes} bytes.`);
    if (offset + bytes.byteLength > size) throw new AppError('bad_request', `The chunk runs past the ${size} bytes this upload declared.`);
    await store.writeUploadChunk(uploadId, offset, bytes);
    // Conditional on the offset the chunk was checked against: another process racing us cannot make both count.
    const moved = await prisma.mediaUpload.updateMany({ where: { id: uploadId, receivedBytes: BigInt(offset) }, data: { receivedBytes: { increment: bytes.byteLength } } });
    if (moved.count !== 1) throw new AppError('conflict', 'Another chunk of this upload arrived at the same time; ask where it stands and resume.');
    if (offset + bytes.byteLength < size) return { upload: presentUpload({ ...row, receivedBytes: BigInt(offset + bytes.byteLength) }) };
    return { recording: await attachRecording({ prisma, store, upload: row }) };
  });
}

/** Abandons an upload: its bytes and its row go. */
export async function cancelMediaUpload(options: UploadContext & { uploadId: string }): Promise<void> {
  await withUploadLock(options.uploadId, async () => {
    await findOwnUpload(options);
    await options.store.discardUpload(options.uploadId);
    await options.prisma.mediaUpload.deleteMany({ where: { id: options.uploadId } });
  });
}

function formatMb(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}
