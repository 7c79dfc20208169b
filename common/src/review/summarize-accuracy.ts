import type { WordErrorRate } from '../exports/measure-word-error-rate.ts';
import { countGrades, measureNer, type CorrectionGrade, type GradeCounts, type NerScore } from './measure-ner.ts';

/** What an unclassified correction is assumed to be when NER must count it (a stated assumption, see docs/accuracy.md). */
export const unclassifiedAssumption: CorrectionGrade = { type: 'recognition', severity: 'standard' };

/** The raw import scored against a final text: WER, the corrections by class, and NER two ways. */
export interface AccuracySummary {
  /** N for NER: the words of the raw (captioned) text. */
  rawWords: number;
  /** N for WER: the words of the final text (the reference). */
  finalWords: number;
  /** (S + D + I) / final words; null when the final text has no words but the raw text does. */
  wordErrorRate: number | null;
  substitutions: number;
  deletions: number;
  insertions: number;
  corrections: number;
  classified: number;
  unclassified: number;
  counts: GradeCounts;
  /** Classified corrections only: the score if every unclassified correction proved no error (an upper bound). */
  nerClassified: NerScore;
  /** Unclassified corrections counted as standard recognition errors: the score to report until all are classified. */
  nerAssumed: NerScore;
}

/** Summarizes `wer` with one grade (or null: unclassified) per correction. */
export function summarizeAccuracy(wer: WordErrorRate, grades: readonly (CorrectionGrade | null)[]): AccuracySummary {
  const classified = grades.filter((grade) => grade !== null);
  const unclassified = grades.length - classified.length;
  const rawWords = wer.matches + wer.substitutions + wer.insertions;
  return {
    rawWords,
    finalWords: wer.referenceWords,
    wordErrorRate: wer.rate,
    substitutions: wer.substitutions,
    deletions: wer.deletions,
    insertions: wer.insertions,
    corrections: grades.length,
    classified: classified.length,
    unclassified,
    counts: countGrades(classified),
    nerClassified: measureNer(rawWords, classified),
    nerAssumed: measureNer(rawWords, [...classified, ...Array.from({ length: unclassified }, () => unclassifiedAssumption)]),
  };
}

/** An NER score as people write it ("97.50"), or "n/a" when there were no caption words. */
export function formatNer(score: number | null): string {
  return score === null ? 'n/a' : score.toFixed(2);
}
