// The transcript model's public surface; builders and marker parsing stay internal to the importers.
export * from './transcript.schema.ts';
export { normalizeContent } from './normalize-content.ts';
export { normalizeForComparison } from './normalize-for-comparison.ts';
export { countWords, segmentPlainText, turnPlainText, turnSpokenText } from './turn-plain-text.ts';
export { findGenericRole, toDisplayName } from './classify-speaker-label.ts';
export { suggestSpeakerMerges } from './suggest-speaker-merges.ts';
export type { SpeakerMergeSuggestion } from './suggest-speaker-merges.ts';
export { findSelfIntroductions } from './find-self-introductions.ts';
export type { SelfIntroduction } from './find-self-introductions.ts';
export { suggestTurnSpeakers } from './suggest-turn-speakers.ts';
export type { TurnSpeakerSuggestion } from './suggest-turn-speakers.ts';
export { summarizeImport } from './summarize-import.ts';
export type { ImportSummary } from './summarize-import.ts';
export { hashTranscript } from './hash-transcript.ts';
