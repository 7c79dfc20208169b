import { hashTranscript, type ImportPreview, type SourceFormat, type Transcript } from '@verity/common';
import { previewImport } from './preview-import.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';

/** A parsed import file with the hash version 0 records. */
export interface ReadImport {
  transcript: Transcript;
  detectedFormat: SourceFormat;
  contentSha256: string;
}

/** Reads import files: in the worker pool on the server (parse-pool.ts), on the calling thread in the CLI and tests. */
export interface ImportReader {
  read(file: ImportFile): Promise<ReadImport>;
  preview(file: ImportFile): Promise<ImportPreview>;
}

/** Parses and hashes a file; the hash is taken here so a worker does that work too. */
export async function readImport(file: ImportFile): Promise<ReadImport> {
  const { transcript, detectedFormat } = readImportFile(file);
  return { transcript, detectedFormat, contentSha256: await hashTranscript(transcript) };
}

/** Reading on the calling thread: for the CLI, where nobody else waits on the event loop. */
export const inlineImportReader: ImportReader = {
  read: readImport,
  preview: async (file) => previewImport(file),
};
