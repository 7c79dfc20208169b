import { describe, expect, it } from 'vitest';
import { alignWords, splitWords } from './align-words.ts';
import { writeCorrectionReport } from './correction-report.ts';
import { measureWordErrorRate } from './measure-word-error-rate.ts';
import { buildFixture } from './transcript.fixture.ts';

describe('alignWords', () => {
  it('counts S, D and I against the reference on a hand-computed example', () => {
    // reference (final): "the cat sat on the mat"            N = 6
    // hypothesis (raw):  "the bat sat the mat today"
    // the=the, cat→bat (S), sat=sat, "on" missing (D), the=the, mat=mat, "today" extra (I)
    // WER = (S + D + I) / N = (1 + 1 + 1) / 6 = 0.5
    const alignment = alignWords(splitWords('the cat sat on the mat'), splitWords('the bat sat the mat today'));
    expect(alignment).toMatchObject({ substitutions: 1, deletions: 1, insertions: 1, matches: 4, referenceWords: 6 });
    expect(alignment.operations.map((operation) => operation.kind)).toEqual(['match', 'substitution', 'match', 'deletion', 'match', 'match', 'insertion']);
  });

  it('treats typographic variants as equal and ignores punctuation-only tokens', () => {
    expect(alignWords(splitWords('co\u2011chair’s view -- yes'), splitWords("co-chair's view yes")).matches).toBe(3);
  });

  it('aligns long turns quickly', () => {
    const words = Array.from({ length: 3000 }, (_, index) => `w${index % 97}`);
    const edited = words.map((word, index) => (index % 10 === 0 ? 'x' : word));
    const started = performance.now();
    expect(alignWords(words, edited).substitutions).toBe(300);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('measureWordErrorRate and writeCorrectionReport', () => {
  const raw = buildFixture();
  const final = buildFixture();
  // t1: "Welcome" → "Welcome back" adds one word (a deletion in WER terms); t4 loses "Yes." (raw word removed: I).
  final.turns[0]!.content = [{ type: 'text', text: 'Good morning.\u00a0 Welcome back to the co\u2011chair’s session.' }];
  final.turns[3]!.content = [{ type: 'uncertain', text: 'Kaspar', marker: '(Kaspar?)' }];
  final.turns[2]!.speakerId = 's1';
  final.turns.pop(); // t5 (7 words) removed: 7 insertions

  it('measures WER with the final text as reference, unmatched turns counted whole', () => {
    const wer = measureWordErrorRate(raw, final);
    // N = final words (tokens with a letter or digit; events and markers excluded):
    //   t1 "Good morning. Welcome back to the co‑chair’s session." 8 + t2 14 + t3 "Inline event here." 3 + t4 "Kaspar" 1 = 26
    // S = 0; D = 1 ("back", missing from the raw text); I = 1 ("Yes.") + 7 (the removed t5) = 8
    // WER = (0 + 1 + 8) / 26 = 0.34615…
    expect(wer).toMatchObject({ referenceWords: 26, substitutions: 0, deletions: 1, insertions: 8 });
    expect(wer.rate).toBeCloseTo(9 / 26);
  });

  it('reports totals, reviewers and per-turn changes in Markdown', () => {
    const report = writeCorrectionReport(raw, final, [
      { author: 'Ana Lopez', at: '2024-05-02T10:00:00Z', turnId: 't1', description: 'added "back"' },
      { author: 'Bo', at: '2024-05-02T10:05:00Z', turnId: 't3', description: 'attributed to the moderator' },
      { author: 'Ana Lopez', at: '2024-05-02T10:06:00Z', turnId: 't5', description: 'removed a duplicate' },
    ]);
    expect(report).toContain('| Word error rate | 34.62 % (9 / 26) |');
    expect(report).toContain('| Turns changed | 4 of 5 |');
    expect(report).toContain('| Ana Lopez | 2 | 2 |\n| Bo | 1 | 1 |');
    expect(report).toContain('### t1 · Moderator\n\n- added "back"\n- Ana Lopez, 2024-05-02T10:00:00Z: added "back"');
    expect(report).toContain('### t3 · Moderator\n\n- speaker: unattributed → Moderator');
    expect(report).toContain('### t4 · Ana Lopez\n\n- removed "Yes."');
    expect(report).toContain('### t5\n\n- turn removed\n- removed "Note: this one reads like a label."');
    expect(report).not.toContain('### t2');
  });
});
