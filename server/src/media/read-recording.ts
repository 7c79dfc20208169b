import { AppError, type Recording } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { peaksFileName } from './attach-recording.ts';
import { deleteUnreferencedBlobs } from './blob-references.ts';
import type { MediaStore } from './media-store.ts';
import { presentRecording, recordingInclude } from './recording.presenter.ts';

/** The transcript's recording, or null when none is attached. */
export async function readRecording(options: { prisma: PrismaClient; transcriptId: string }): Promise<Recording | null> {
  const row = await options.prisma.recording.findUnique({ where: { transcriptId: options.transcriptId }, include: recordingInclude });
  return row ? presentRecording(row) : null;
}

/** What the file route streams: the playable blob, its type and size. */
export async function findPlayableFile(options: { prisma: PrismaClient; store: MediaStore; transcriptId: string }) {
  const row = await options.prisma.recording.findUnique({ where: { transcriptId: options.transcriptId } });
  if (!row) throw new AppError('not_found', 'This transcript has no recording.');
  const size = await options.store.blobSize(row.playableSha256);
  if (size === null) throw new Error(`recording blob ${row.playableSha256} of transcript ${options.transcriptId} is missing from the media store`);
  return { sha256: row.playableSha256, contentType: row.playableType, size };
}

/** The stored waveform peaks (JSON text, served as-is). */
export async function readPeaks(options: { prisma: PrismaClient; store: MediaStore; transcriptId: string }): Promise<string> {
  const row = await options.prisma.recording.findUnique({ where: { transcriptId: options.transcriptId }, select: { sha256: true } });
  const peaks = row ? await options.store.readDerived(row.sha256, peaksFileName) : null;
  if (!peaks) throw new AppError('not_found', 'This transcript has no recording.');
  return peaks;
}

/** Detaches the recording; its files go when no other transcript uses them. */
export async function detachRecording(options: { prisma: PrismaClient; store: MediaStore; transcriptId: string }): Promise<void> {
  const row = await options.prisma.recording.findUnique({ where: { transcriptId: options.transcriptId } });
  if (!row) throw new AppError('not_found', 'This transcript has no recording.');
  await options.prisma.recording.deleteMany({ where: { transcriptId: options.transcriptId } });
  await deleteUnreferencedBlobs(options.prisma, options.store, [row.sha256, row.playableSha256]);
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['recording'] });
}
