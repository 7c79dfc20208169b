import type { CorrectionEntry } from '@verity/common';
import type { GradedCorrection } from './grade-corrections.ts';

/** A correction and its class as the API shows them. */
export function presentCorrection(correction: GradedCorrection): CorrectionEntry {
  const { stored } = correction;
  return {
    key: correction.key,
    turnId: correction.turnId,
    occurrence: correction.occurrence,
    from: correction.from,
    to: correction.to,
    before: correction.before,
    after: correction.after,
    speaker: correction.speaker,
    class: stored ? { type: stored.type, severity: stored.severity, by: { id: stored.classifiedBy.id, displayName: stored.classifiedBy.displayName }, at: stored.classifiedAt.toISOString() } : null,
  };
}
