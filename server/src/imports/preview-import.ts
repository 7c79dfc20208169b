import { findSelfIntroductions, suggestSpeakerMerges, summarizeImport, type ImportPreview } from '@verity/common';
import { readImportFile, type ImportFile } from './read-import-file.ts';

/** How many turns the preview shows as a sample of the text. */
const previewTurnCount = 5;

/** What importing the file would produce, for the user to check first. Pure: nothing is stored. */
export function previewImport(file: ImportFile): ImportPreview {
  const { transcript, detectedFormat, warnings } = readImportFile(file);
  return {
    detectedFormat,
    warnings,
    metadata: transcript.metadata,
    summary: summarizeImport(transcript),
    speakerMergeSuggestions: suggestSpeakerMerges(transcript),
    selfIntroductions: findSelfIntroductions(transcript),
    firstTurns: transcript.turns.slice(0, previewTurnCount),
  };
}
