/**
 * The NER model of live-caption accuracy (Romero-Fresco & Martínez): NER = (N − E − R) / N × 100, where
 * N is the number of words in the captions being assessed, E the edition errors and R the recognition
 * errors, each error weighted by how much it costs the reader (docs/accuracy.md). 98 is the usual pass mark.
 */

/** Who caused an error: the captioner's editing (edition) or the recognition, by software or person (recognition). */
export const correctionTypes = ['recognition', 'edition'] as const;
export type CorrectionType = (typeof correctionTypes)[number];

/**
 * How much an error costs the reader: minor (noticed, meaning kept), standard (meaning lost), serious
 * (meaning changed); none: no error after all (the NER model's correct edition, or a change of style).
 */
export const correctionSeverities = ['minor', 'standard', 'serious', 'none'] as const;
export type CorrectionSeverity = (typeof correctionSeverities)[number];

/** A classified error. */
export interface CorrectionGrade {
  type: CorrectionType;
  severity: CorrectionSeverity;
}

/** The deduction per error of each severity, the same for edition and recognition errors. */
export const severityWeights: Readonly<Record<CorrectionSeverity, number>> = { minor: 0.25, standard: 0.5, serious: 1, none: 0 };

/** The usual pass mark (the CRTC's requirement for live English-language television, for one). */
export const nerPassMark = 98;

/** An NER score with its parts. */
export interface NerScore {
  /** N: words in the captions assessed. */
  words: number;
  /** E: the weighted sum of edition errors. */
  edition: number;
  /** R: the weighted sum of recognition errors. */
  recognition: number;
  /** (N − E − R) / N × 100; null when N is 0 (nothing was captioned, so nothing to score). */
  score: number | null;
}

/** NER for `words` caption words and these errors. Not clamped: more deductions than words score below 0. */
export function measureNer(words: number, errors: readonly CorrectionGrade[]): NerScore {
  let edition = 0;
  let recognition = 0;
  for (const error of errors) {
    if (error.type === 'edition') edition += severityWeights[error.severity];
    else recognition += severityWeights[error.severity];
  }
  return { words, edition, recognition, score: words === 0 ? null : ((words - edition - recognition) / words) * 100 };
}

/** Errors counted by type and severity (every cell present, zero when none). */
export type GradeCounts = Record<CorrectionType, Record<CorrectionSeverity, number>>;

/** Counts errors by type and severity. */
export function countGrades(errors: readonly CorrectionGrade[]): GradeCounts {
  const counts: GradeCounts = { recognition: { minor: 0, standard: 0, serious: 0, none: 0 }, edition: { minor: 0, standard: 0, serious: 0, none: 0 } };
  for (const error of errors) counts[error.type][error.severity]++;
  return counts;
}
