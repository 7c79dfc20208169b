import { hashTranscript, type ImportPreview, type SourceFormat, type Transcript } from '@verity/common';
import { encodeSeedState } from '../collab/build-seed-state.ts';
import { previewImport } from './preview-import.ts';
import { readImportFile, type ImportFile } from './read-import-file.ts';

/** A parsed import file with the hash version 0 records and the live document's seed state. */
export interface ReadImport {
  transcript: Transcript;
  detectedFormat: SourceFormat;
  contentSha256: string;
  seedState: Uint8Array;
}

/** Reads import files: in the worker pool on the server (parse-pool.ts), on the calling thread in the CLI and tests. */
export interface ImportReader {
  read(file: ImportFile): Promise<ReadImport>;
  preview(file: ImportFile): Promise<ImportPreview>;
}

/** Parses a file, hashes it and encodes its seed state: all of it work a worker takes off the event loop. */
export async function readImport(file: ImportFile): Promise<ReadImport> {
  const { transcript, detectedFormat } = readImportFile(file);
  return { transcript, detectedFormat, contentSha256: await hashTranscript(transcript), seedState: encodeSeedState(transcript) };
}

/** Reading on the calling thread: for the CLI, where nobody else waits on the event loop. */
export const inlineImportReader: ImportReader = {
  read: readImport,
  preview: async (file) => previewImport(file),
};
