import { describe, expect, it } from 'vitest';
import { findGenericRole, toDisplayName } from './classify-speaker-label.ts';
import { measureEditDistance } from './measure-edit-distance.ts';
import { normalizeContent } from './normalize-content.ts';
import { normalizeForComparison } from './normalize-for-comparison.ts';
import { parseInlineSegments } from './parse-inline-segments.ts';
import { parseSpeakerLabel } from './parse-speaker-label.ts';
import { countWords, turnPlainText } from './turn-plain-text.ts';

describe('text helpers', () => {
  it('normalizes typographic variants only for comparison', () => {
    expect(normalizeForComparison('Okay.\u00a0 We\u2011\u2011 it\u2019s \u201cfine\u201d \u2014 12\u201314')).toBe('Okay. We-- it\'s "fine" -- 12-14');
  });

  it('merges adjacent text segments and drops empty ones', () => {
    expect(normalizeContent([{ type: 'text', text: 'a' }, { type: 'text', text: '' }, { type: 'text', text: 'b' }, { type: 'event', label: 'X', raw: '[X]' }])).toEqual([
      { type: 'text', text: 'ab' },
      { type: 'event', label: 'X', raw: '[X]' },
    ]);
  });

  it('counts words like wc -w, ignoring dashes', () => {
    expect(countWords('So\u00a0 -- it\u2011s   fine.\nYes')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('splits markers without losing a character', () => {
    const paragraph = 'A (Kaspar?) and [crosstalk] then (Laughter) but (IGF) and [at] stay text';
    const segments = parseInlineSegments(paragraph);
    expect(segments.filter((segment) => segment.type !== 'text')).toEqual([
      { type: 'uncertain', text: 'Kaspar', marker: '(Kaspar?)' },
      { type: 'uncertain', text: '', marker: '[crosstalk]' },
      { type: 'event', label: 'Laughter', raw: '(Laughter)' },
    ]);
    expect(turnPlainText({ content: segments })).toBe(paragraph);
  });
});

describe('speaker labels', () => {
  it('classifies generic roles, numbered or not', () => {
    expect(['MODERATOR', 'Audience Member', 'FLOOR', 'PANELIST 2', 'interpreter'].map(findGenericRole)).toEqual(['moderator', 'audience', 'audience', 'panelist', 'interpreter']);
    expect(findGenericRole('LEA KASPAR')).toBeNull();
  });

  it('makes readable names', () => {
    expect(toDisplayName("MANON VAN TIENHOVEN")).toBe('Manon van Tienhoven');
    expect(toDisplayName("SEAN O'BRIEN")).toBe("Sean O'Brien");
    expect(toDisplayName('CATHERINE GARCIA van HEOGSTRATEN')).toBe('Catherine Garcia van Heogstraten');
    expect(toDisplayName('Lea McKay')).toBe('Lea McKay');
  });

  it('tells labels from sentences', () => {
    expect(parseSpeakerLabel('DR. ANA LOPEZ')).toMatchObject({ name: 'DR. ANA LOPEZ' });
    expect(parseSpeakerLabel('LEA KASPAR, Global Partners Digital')).toMatchObject({ name: 'LEA KASPAR', affiliation: 'Global Partners Digital' });
    expect(parseSpeakerLabel('Yes, I think so')).toBeNull();
    expect(parseSpeakerLabel('the answer')).toBeNull();
    expect(parseSpeakerLabel('chair', { allowLowercase: true })).toMatchObject({ name: 'chair' });
    expect(parseSpeakerLabel('the answer', { allowLowercase: true })).toBeNull();
  });

  it('measures edit distance', () => {
    expect(measureEditDistance('TIENHOVEN', 'TIEHOVEN')).toBe(1);
    expect(measureEditDistance('kitten', 'sitting')).toBe(3);
    // With a limit, anything further reads as limit + 1 (only the diagonal band is computed).
    expect(measureEditDistance('kitten', 'sitting', 3)).toBe(3);
    expect(measureEditDistance('kitten', 'sitting', 2)).toBe(3);
    expect(measureEditDistance('kitten', 'sitting', 1)).toBe(2);
    expect(measureEditDistance('TIENHOVEN', 'TIEHOVEN', 1)).toBe(1);
    expect(measureEditDistance('a'.repeat(5_000), `${'a'.repeat(4_999)}b`, 1)).toBe(1);
  });
});
