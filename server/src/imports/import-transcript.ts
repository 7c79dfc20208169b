import type { Transcript } from '@verity/common';
import type { Prisma, PrismaClient } from '../db/prisma.ts';
import { createTranscript } from '../transcripts/create-transcript.ts';
import { inlineImportReader, type ImportReader } from './import-reader.ts';
import type { ImportFile } from './read-import-file.ts';

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
export async function importTranscript(prisma: PrismaClient, options: ImportFile & { ownerId: string; title?: string; reader?: ImportReader }) {
  // The server passes its parse pool; the CLI and tests read on their own thread.
  const { reader = inlineImportReader, ownerId, title, ...file } = options;
  const { transcript, detectedFormat, contentSha256, seedState } = await reader.read(file);
  return prisma.$transaction(async (tx) => {
    const created = await createTranscript(tx, {
      ownerId,
      title: chooseTitle(transcript, options.fileName, title),
      sourceFileName: options.fileName,
      sourceFormat: detectedFormat,
    });
    await tx.transcriptVersion.create({
      data: { transcriptId: created.id, number: 0, kind: 'import', content: transcript as Prisma.InputJsonObject, contentSha256, createdById: options.ownerId },
    });
    await tx.documentCheckpoint.create({ data: { transcriptId: created.id, uptoSeq: 0, state: new Uint8Array(seedState) } });
    return created;
    // A file at the upload limit writes ~40 MB here (version JSON and seed); Prisma's default 5 s can lapse.
  }, { timeout: 60_000 });
}
