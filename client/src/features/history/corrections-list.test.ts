import { describe, expect, it } from 'vitest';
import { measureWordErrorRate, summarizeAccuracy, transcriptSchema, type CorrectionEntry, type CorrectionListResponse } from '@verity/common';
import { describeCorrection } from './correction-row.tsx';
import { describeAccuracy } from './corrections-list.tsx';
import { withCorrection } from './use-corrections.ts';

const transcript = (text: string) =>
  transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: {}, speakers: [], turns: [{ id: 't1', speakerId: null, start: null, end: null, content: [{ type: 'text', text }] }], notes: [] });

const entry = (key: string, overrides: Partial<CorrectionEntry> = {}): CorrectionEntry => ({ key, turnId: 't1', occurrence: 1, from: ['GAC'], to: ['GFCE'], before: [], after: [], speaker: null, class: null, ...overrides });

describe('the corrections view', () => {
  it('writes a correction as replaced, added or removed words', () => {
    expect(describeCorrection({ from: ['GAC'], to: ['GFCE'] })).toBe('GAC → GFCE');
    expect(describeCorrection({ from: [], to: ['for', 'coming'] })).toBe('+ for coming');
    expect(describeCorrection({ from: ['the'], to: [] })).toBe('− the');
  });

  it('sums up NER (unclassified as standard recognition) and WER', () => {
    // 4 raw words, one unclassified substitution: NER = (4 − 0.5) / 4 × 100 = 87.50; WER = 1 / 4.
    const wer = measureWordErrorRate(transcript('The GAC said so'), transcript('The GFCE said so'));
    expect(describeAccuracy(summarizeAccuracy(wer, [null]))).toBe('NER 87.50 (pass 98) · WER 25.00 %');
  });

  it('puts the answer for one correction in place, leaving the others', () => {
    const data = { corrections: [entry('a'), entry('b')], isTruncated: false } as unknown as CorrectionListResponse;
    const classified = entry('b', { class: { type: 'edition', severity: 'minor', by: { id: 'u', displayName: 'Ada' }, at: '2026-12-01T12:00:00.000Z' } });
    const next = withCorrection(data, classified);
    expect(next.corrections.map((item) => item.class?.severity ?? null)).toEqual([null, 'minor']);
    expect(data.corrections[1]!.class).toBeNull();
  });
});
