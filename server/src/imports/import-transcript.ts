import { hashTranscript, type Transcript } from '@verity/common';
import { encodeSeedState } from '../collab/build-seed-state.ts';
import type { Prisma, PrismaClient } from '../db/prisma.ts';
import { createTranscript } from '../transcripts/create-transcript.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';

/** Titles are capped like the API's titleSchema. */
const maxTitleLength = 300;

/** The file's own title when it states one, else its name without the extension. */
function chooseTitle(transcript: Transcript, fileName: string, title: string | undefined): string {
  const fromFile = fileName.replace(/\.[^.]*$/, '').trim() || fileName.trim();
  return (title?.trim() || transcript.metadata.title?.trim() || fromFile || 'Imported transcript').slice(0, maxTitleLength);
}

/**
 * Imports a file as a new transcript owned by `ownerId`: the transcript, the owner's membership and
 * version 0 (the content exactly as parsed, with its hash) are written in one transaction, so a
 * failure anywhere leaves nothing behind. The live document's seed (the seq-0 checkpoint, built from
 * the same content) is written with them, so the first open loads it instead of building it.
 */
export async function importTranscript(prisma: PrismaClient, options: ImportFile & { ownerId: string; title?: string }) {
  const { transcript, detectedFormat } = readImportFile(options);
  const contentSha256 = await hashTranscript(transcript);
  const seedState = encodeSeedState(transcript);
  return prisma.$transaction(async (tx) => {
    const created = await createTranscript(tx, {
      ownerId: options.ownerId,
      title: chooseTitle(transcript, options.fileName, options.title),
      sourceFileName: options.fileName,
      sourceFormat: detectedFormat,
    });
    await tx.transcriptVersion.create({
      data: { transcriptId: created.id, number: 0, kind: 'import', content: transcript as Prisma.InputJsonObject, contentSha256, createdById: options.ownerId },
    });
    await tx.documentCheckpoint.create({ data: { transcriptId: created.id, uptoSeq: 0, state: new Uint8Array(seedState) } });
    return created;
  });
}
