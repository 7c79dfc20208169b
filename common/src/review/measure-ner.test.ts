import { describe, expect, it } from 'vitest';
import { measureWordErrorRate } from '../exports/measure-word-error-rate.ts';
import { transcriptSchema, type Transcript } from '../transcript/transcript.schema.ts';
import { correctionIdentity, correctionKey, listCorrections } from './list-corrections.ts';
import { countGrades, measureNer } from './measure-ner.ts';
import { summarizeAccuracy } from './summarize-accuracy.ts';

function transcript(turns: [id: string, text: string][]): Transcript {
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: 'NER example' },
    speakers: [{ id: 's1', label: 'CHAIR', displayName: 'Chair' }],
    turns: turns.map(([id, text]) => ({ id, speakerId: 's1', start: null, end: null, content: [{ type: 'text', text }] })),
    notes: [],
  });
}

// The captions as imported (raw) and the verbatim text reviewers made of them (final), by hand:
//   t1 raw   "The GAC met in Geneva on Monday to discuss the budget."        11 words
//      final "The GFCE met in Geneva on Tuesday to discuss the budget."      GAC→GFCE, Monday→Tuesday (two runs)
//   t2 raw   "We will we will adopt the the report today."                     9 words
//      final "We will adopt the report today."                               "we will" removed, "the" removed (two runs)
//   t3 raw   "Thanks for coming."                                              3 words
//      final "Thanks all for coming."                                        "all" added (one run)
// N (raw words) = 11 + 9 + 3 = 23. Five corrections, graded:
//   GAC→GFCE        recognition serious  1
//   Monday→Tuesday  recognition serious  1
//   "we will"       edition minor        0.25
//   "the"           recognition minor    0.25
//   "all"           edition standard     0.5
// E = 0.25 + 0.5 = 0.75; R = 1 + 1 + 0.25 = 2.25; NER = (23 − 0.75 − 2.25) / 23 × 100 = 20/23 × 100 = 86.9565…
// WER (final is the reference; words compare as written, punctuation included): final words = 11 + 6 + 4 = 21;
//   S = 2, D = 1 ("all"), I = 3 ("we", "will", "the"); WER = 6 / 21 = 0.28571…
const raw = transcript([
  ['t1', 'The GAC met in Geneva on Monday to discuss the budget.'],
  ['t2', 'We will we will adopt the the report today.'],
  ['t3', 'Thanks for coming.'],
]);
const final = transcript([
  ['t1', 'The GFCE met in Geneva on Tuesday to discuss the budget.'],
  ['t2', 'We will adopt the report today.'],
  ['t3', 'Thanks all for coming.'],
]);

describe('NER on a hand-computed example', () => {
  it('finds the five corrections raw → final, with context', () => {
    const corrections = listCorrections(raw, final);
    expect(corrections.map(({ turnId, from, to }) => [turnId, from.join(' '), to.join(' ')])).toEqual([
      ['t1', 'GAC', 'GFCE'],
      ['t1', 'Monday', 'Tuesday'],
      ['t2', 'we will', ''],
      ['t2', 'the', ''],
      ['t3', '', 'all'],
    ]);
    expect(corrections[0]).toMatchObject({ before: ['The'], after: ['met', 'in', 'Geneva'], occurrence: 1, speaker: 'Chair' });
  });

  it('scores (N − E − R) / N × 100 with minor 0.25, standard 0.5, serious 1, and WER beside it', () => {
    const grades = [
      { type: 'recognition', severity: 'serious' },
      { type: 'recognition', severity: 'serious' },
      { type: 'edition', severity: 'minor' },
      { type: 'recognition', severity: 'minor' },
      { type: 'edition', severity: 'standard' },
    ] as const;
    const ner = measureNer(23, grades);
    expect(ner).toMatchObject({ words: 23, edition: 0.75, recognition: 2.25 });
    expect(ner.score).toBeCloseTo((20 / 23) * 100, 10);
    const wer = measureWordErrorRate(raw, final);
    const summary = summarizeAccuracy(wer, grades);
    expect(summary).toMatchObject({ rawWords: 23, finalWords: 21, substitutions: 2, deletions: 1, insertions: 3, corrections: 5, classified: 5, unclassified: 0 });
    expect(summary.wordErrorRate).toBeCloseTo(6 / 21, 10);
    expect(summary.nerAssumed.score).toBeCloseTo(86.9565, 3);
    expect(summary.counts).toEqual({ recognition: { minor: 1, standard: 0, serious: 2, none: 0 }, edition: { minor: 1, standard: 1, serious: 0, none: 0 } });
  });

  it('counts unclassified corrections as standard recognition errors in the assumed score only', () => {
    // Only GAC→GFCE classified (recognition serious, 1): classified-only NER = (23 − 1) / 23 × 100 = 95.652…;
    // the four others assumed standard recognition (4 × 0.5 = 2): (23 − 3) / 23 × 100 = 86.956…
    const summary = summarizeAccuracy(measureWordErrorRate(raw, final), [{ type: 'recognition', severity: 'serious' }, null, null, null, null]);
    expect(summary).toMatchObject({ classified: 1, unclassified: 4 });
    expect(summary.nerClassified.score).toBeCloseTo((22 / 23) * 100, 10);
    expect(summary.nerAssumed).toMatchObject({ recognition: 3, edition: 0 });
    expect(summary.nerAssumed.score).toBeCloseTo((20 / 23) * 100, 10);
  });

  it('deducts nothing for a correction classed as no error (a correct edition)', () => {
    // "we will" removed is a correct edition (meaning kept): 0. The rest as above: E = 0.5, R = 2.25,
    // NER = (23 − 0.5 − 2.25) / 23 × 100 = 20.25 / 23 × 100 = 88.043…
    const summary = summarizeAccuracy(measureWordErrorRate(raw, final), [
      { type: 'recognition', severity: 'serious' },
      { type: 'recognition', severity: 'serious' },
      { type: 'edition', severity: 'none' },
      { type: 'recognition', severity: 'minor' },
      { type: 'edition', severity: 'standard' },
    ]);
    expect(summary.nerAssumed).toMatchObject({ edition: 0.5, recognition: 2.25 });
    expect(summary.nerAssumed.score).toBeCloseTo((20.25 / 23) * 100, 10);
    expect(summary.counts.edition).toEqual({ minor: 0, standard: 1, serious: 0, none: 1 });
  });

  it('scores nothing when nothing was captioned, and goes below zero rather than hide deductions', () => {
    expect(measureNer(0, []).score).toBeNull();
    expect(measureNer(1, [{ type: 'edition', severity: 'serious' }, { type: 'recognition', severity: 'serious' }]).score).toBe(-100);
    expect(countGrades([])).toEqual({ recognition: { minor: 0, standard: 0, serious: 0, none: 0 }, edition: { minor: 0, standard: 0, serious: 0, none: 0 } });
  });
});

describe('correction identity', () => {
  it('numbers repeats of the same change in a turn and keeps identities when other runs change', async () => {
    const repeated = transcript([['t1', 'GAC said GAC said GAC']]);
    const fixed = transcript([['t1', 'GFCE said GFCE said GAC']]);
    const corrections = listCorrections(repeated, fixed);
    expect(corrections.map((correction) => correction.occurrence)).toEqual([1, 2]);
    const keys = await Promise.all(corrections.map(correctionKey));
    expect(new Set(keys).size).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    // Fixing the third one as well adds a correction; the first two keep their keys.
    const more = listCorrections(repeated, transcript([['t1', 'GFCE said GFCE said GFCE']]));
    expect(await Promise.all(more.slice(0, 2).map(correctionKey))).toEqual(keys);
    expect(correctionIdentity(more[2]!)).toBe(JSON.stringify(['c1', 't1', 'GAC', 'GFCE', 3]));
  });
});
