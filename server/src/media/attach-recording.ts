import fs from 'node:fs/promises';
import { AppError, type Recording } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { deleteUnreferencedBlobs, lockBlobs } from './blob-references.ts';
import { choosePlayable, transcodedContentType, transcodeForBrowsers } from './choose-playable.ts';
import { computePeaks } from './compute-peaks.ts';
import { isTruncatedWav } from './detect-truncation.ts';
import { hashFile } from './hash-file.ts';
import type { MediaStore } from './media-store.ts';
import { endProcessing, reportProcessing } from './processing-progress.ts';
import { processingSlots } from './processing-slots.ts';
import { probeMedia } from './probe-media.ts';
import { presentRecording, recordingInclude } from './recording.presenter.ts';

/** The name the peaks of a blob are stored under beside it. */
export const peaksFileName = 'peaks.json';

interface FinishedUpload {
  id: string;
  transcriptId: string;
  createdById: string;
  fileName: string;
  sizeBytes: bigint;
  sha256: string | null;
}

/**
 * Turns a complete upload into the transcript's recording: hashes it, refuses what is not playable audio
 * (422 with the reason), computes the waveform peaks, transcodes only what browsers cannot play, stores
 * the files content-addressed and records the row, replacing any earlier recording. On any failure the
 * upload's bytes, a half-made transcode and the upload row are removed: nothing is left behind.
 */
export function attachRecording(options: { prisma: PrismaClient; store: MediaStore; upload: FinishedUpload }): Promise<Recording> {
  // The heavy work (decode, transcode) waits for a processing slot.
  // Progress shows from the last chunk on, also while waiting for a slot ("checking"), until the row is gone.
  reportProcessing(options.upload.id, { step: 'checking', percent: null });
  return processingSlots.run(() => processUpload(options)).finally(() => endProcessing(options.upload.id));
}

async function processUpload(options: { prisma: PrismaClient; store: MediaStore; upload: FinishedUpload }): Promise<Recording> {
  const { prisma, store, upload } = options;
  let scratch: string | null = null;
  /** Blobs moved in by this attach: if recording them fails, they go again unless someone else uses them. */
  let stored: string[] = [];
  try {
    const localPath = await store.finishUpload(upload.id, Number(upload.sizeBytes));
    const sha256 = await hashFile(localPath);
    if (upload.sha256 && upload.sha256 !== sha256) throw new AppError('malformed_file', 'The file arrived damaged (its SHA-256 differs from the one given); upload it again.');
    if (await isTruncatedWav(localPath)) throw new AppError('malformed_file', 'This WAV file is truncated: its header promises more audio than it holds.');
    const probe = await probeMedia(localPath);
    const playable = choosePlayable(probe);
    // The same recording attached before has its peaks and playable copy already (content addressing).
    const report = (step: 'peaks' | 'transcoding') => (percent: number) => reportProcessing(upload.id, { step, percent });
    const storedPeaks = await store.readDerived(sha256, peaksFileName);
    if (storedPeaks === null) reportProcessing(upload.id, { step: 'peaks', percent: 0 });
    const peaks = storedPeaks ?? JSON.stringify(await computePeaks(localPath, { durationMs: probe.durationMs, onPercent: report('peaks') }));
    let playableSha256 = sha256;
    let playableSize = Number(upload.sizeBytes);
    if (!playable.isPlayable) {
      scratch = await store.scratchPath('.m4a');
      reportProcessing(upload.id, { step: 'transcoding', percent: 0 });
      await transcodeForBrowsers(localPath, scratch, { durationMs: probe.durationMs, onPercent: report('transcoding') });
      reportProcessing(upload.id, { step: 'checking', percent: null });
      playableSha256 = await hashFile(scratch);
      playableSize = (await fs.stat(scratch)).size;
    }
    const data = {
      sha256,
      fileName: upload.fileName,
      sizeBytes: upload.sizeBytes,
      durationMs: probe.durationMs,
      container: probe.container,
      audioCodec: probe.audioCodec,
      hasVideo: probe.videoCodec !== null && playable.isPlayable,
      playableSha256,
      playableType: playable.isPlayable ? playable.contentType : transcodedContentType,
      playableSizeBytes: BigInt(playableSize),
      attachedById: upload.createdById,
      attachedAt: new Date(),
    };
    const transcoded = scratch;
    const [previous, row] = await prisma.$transaction(async (tx) => {
      // Stored and referenced under the blobs' locks: a detach of the same file elsewhere cannot delete it in between.
      await lockBlobs(tx, [sha256, playableSha256]);
      if (transcoded) await store.putBlob(playableSha256, transcoded);
      scratch = null;
      await store.putBlob(sha256, localPath);
      await store.putDerived(sha256, peaksFileName, peaks);
      stored = [sha256, playableSha256];
      const before = await tx.recording.findUnique({ where: { transcriptId: upload.transcriptId } });
      const saved = await tx.recording.upsert({ where: { transcriptId: upload.transcriptId }, create: { transcriptId: upload.transcriptId, ...data }, update: data, include: recordingInclude });
      await tx.mediaUpload.deleteMany({ where: { id: upload.id } });
      return [before, saved] as const;
    });
    stored = [];
    if (previous) await deleteUnreferencedBlobs(prisma, store, [previous.sha256, previous.playableSha256]);
    domainEvents.emit('transcriptChanged', { transcriptId: upload.transcriptId, topics: ['recording'] });
    return presentRecording(row);
  } catch (error) {
    await store.discardUpload(upload.id);
    if (scratch) await fs.rm(scratch, { force: true });
    await prisma.mediaUpload.deleteMany({ where: { id: upload.id } });
    if (stored.length > 0) await deleteUnreferencedBlobs(prisma, store, stored);
    throw error;
  }
}

