import { describe, expect, it } from 'vitest';
import { alignWords, splitWords } from './align-words.ts';
import { classesByIdentity, writeCorrectionReport } from './correction-report.ts';
import { listCorrections } from '../review/list-corrections.ts';
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
    expect(report).toContain('### t1 · Moderator\n\n- added "back" · unclassified\n- Ana Lopez, 2024-05-02T10:00:00Z: added "back"');
    expect(report).toContain('### t3 · Moderator\n\n- speaker: unattributed → Moderator');
    expect(report).toContain('### t4 · Ana Lopez\n\n- removed "Yes." · unclassified');
    expect(report).toContain('### t5\n\n- turn removed\n- removed "Note: this one reads like a label." · unclassified');
    expect(report).toContain('The raw import compared with the final text, the final text.');
    expect(report).not.toContain('### t2');
  });

  it('gives NER raw → final with the counts by class and the unclassified remainder, saying what it compared', () => {
    // Corrections: t1 "back" added, t4 "Yes." removed, t5's 7 words removed (one run): 3 corrections.
    // N = raw words = 7 (t1, before "back") + 14 (t2) + 3 (t3) + 2 (t4) + 7 (t5) = 33.
    // Classed: "back" edition minor (0.25), "Yes." recognition serious (1); t5 unclassified, assumed standard recognition (0.5).
    // E = 0.25; R = 1 + 0.5 (assumed) = 1.5. NER assumed = (33 − 0.25 − 1.5) / 33 × 100 = 94.696…;
    // classified only = (33 − 0.25 − 1) / 33 × 100 = 96.212…
    const corrections = listCorrections(raw, final);
    expect(corrections.map((correction) => correction.turnId)).toEqual(['t1', 't4', 't5']);
    const classOf = classesByIdentity([
      [corrections[0]!, { type: 'edition', severity: 'minor' }],
      [corrections[1]!, { type: 'recognition', severity: 'serious' }],
    ]);
    const report = writeCorrectionReport(raw, final, [], { finalLabel: 'approved version 2 (v1)', classOf });
    expect(report).toContain('The raw import compared with approved version 2 \\(v1\\), the final text.');
    expect(report).toContain('| Words in the raw text (N) | 33 |');
    expect(report).toContain('| Classified / unclassified | 2 / 1 |');
    expect(report).toContain('| Edition errors (E) | 0.25 |');
    expect(report).toContain('| Recognition errors (R), unclassified included | 1.5 |');
    expect(report).toContain('| NER (unclassified as standard recognition) | 94.70 (below 98) |');
    expect(report).toContain('| NER (classified corrections only) | 96.21 |');
    expect(report).toContain('| class | minor | standard | serious | no error |\n| --- | ---: | ---: | ---: | ---: |\n| Recognition | 0 | 0 | 1 | 0 |\n| Edition | 1 | 0 | 0 | 0 |\n| Unclassified | 1 (counted as standard recognition) | | | |');
    expect(report).toContain('- added "back" · edition, minor');
    expect(report).toContain('- removed "Yes." · recognition, serious');
  });
});
