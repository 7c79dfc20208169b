import { describe, expect, it } from 'vitest';
import { chipMark, type SearchableBlock } from '../collab/find-in-transcript.ts';
import { createGlossaryMatcher, findGlossaryHits, type GlossaryMatchTerm } from './find-glossary-hits.ts';
import { collectGlossaryTerms } from './speaker-terms.ts';

const block = (id: string, text: string): SearchableBlock => ({ id, kind: 'turn', speakerId: null, text });
const terms: GlossaryMatchTerm[] = [
  { id: 't1', term: 'consensus', misrecognitions: ['know Cus', 'con census'], source: 'IGF' },
  { id: 't2', term: 'GFCE', misrecognitions: ['GAC', 'G.A.C.'], source: 'IGF' },
  { id: 't3', term: "Pavlak's", misrecognitions: ["Pavlik's"], source: 'IGF' },
];

describe('findGlossaryHits', () => {
  it('flags whole words case-insensitively, multi-word ones across any white space, with offsets and the fix', () => {
    const text = 'We reached know  Cus at the gac, not GACS or iGAC; the GAC\nagreed.';
    const { hits } = findGlossaryHits([block('a', text)], terms);
    expect(hits.map((hit) => [hit.text, hit.fix, text.slice(hit.start, hit.end)])).toEqual([
      ['know  Cus', 'consensus', 'know  Cus'],
      ['gac', 'GFCE', 'gac'],
      ['GAC', 'GFCE', 'GAC'],
    ]);
    expect(hits[0]).toMatchObject({ turnId: 'a', blockIndex: 0, termId: 't1', source: 'IGF', label: 'know  Cus → consensus', occurrence: 0, before: 'We reached ', after: ' at the gac, not GACS or iGAC;' });
    // Occurrences are counted per block and per wrong text (any case): keys stay put when other text changes.
    expect(hits[1]!.key).not.toBe(hits[2]!.key);
    expect(hits[2]!.occurrence).toBe(1);
  });

  it('needs the separators a spelling has: punctuation between words is not white space', () => {
    const { hits } = findGlossaryHits([block('a', 'I know, Cus said. The G.A.C. met; G A C did not.')], terms);
    expect(hits.map((hit) => hit.text)).toEqual(['G.A.C']);
  });

  it('handles apostrophes inside words, chips, several blocks, and skips text already right', () => {
    const blocks = [block('a', `Pavlik's talk ${chipMark} know Cus`), block('b', `know${chipMark}Cus, GFCE`)];
    const { hits } = findGlossaryHits(blocks, [...terms, { id: 't4', term: 'GAC', misrecognitions: ['gac'], source: 'x' }]);
    expect(hits.map((hit) => [hit.turnId, hit.text])).toEqual([
      ['a', "Pavlik's"],
      ['a', 'know Cus'],
    ]);
  });

  it('prefers the longest spelling at a position and bounds the answer', () => {
    const longer: GlossaryMatchTerm[] = [
      { id: 'x', term: 'Cus', misrecognitions: ['know'], source: 'l' },
      { id: 'y', term: 'consensus', misrecognitions: ['know Cus'], source: 'l' },
    ];
    expect(findGlossaryHits([block('a', 'know Cus, know')], longer).hits.map((hit) => hit.fix)).toEqual(['consensus', 'Cus']);
    const many = findGlossaryHits([block('a', 'GAC '.repeat(50))], terms, { maxHits: 10 });
    expect(many).toMatchObject({ isTruncated: true });
    expect(many.hits).toHaveLength(10);
  });

  it('stays linear: a 200k-word transcript with a 1000-term list is read in one pass', () => {
    const big = Array.from({ length: 2000 }, (_, index) => block(`b${index}`, 'the GAC and know Cus agreed on a plan '.repeat(10)));
    const list: GlossaryMatchTerm[] = Array.from({ length: 1000 }, (_, index) => ({ id: `t${index}`, term: `Term${index}`, misrecognitions: [`word${index} other`, `know${index}`], source: 'l' }));
    const { hits } = findGlossaryHits(big, [...list, ...terms], { maxHits: 100_000 });
    expect(hits).toHaveLength(2000 * 10 * 2);
  });

  it('re-matches only what changed: a matcher run again after an edit answers as a fresh search', () => {
    const matcher = createGlossaryMatcher(terms);
    const before = [block('a', 'the GAC and the GAC'), block('b', 'know Cus here')];
    expect(matcher.match(before)).toEqual(findGlossaryHits(before, terms));
    const after = [block('b', 'know Cus here, GAC'), block('a', 'the GAC and the GFCE'), block('c', 'gac')];
    const again = matcher.match(after);
    expect(again).toEqual(findGlossaryHits(after, terms));
    expect(again.hits.map((hit) => [hit.turnId, hit.blockIndex, hit.text, hit.occurrence])).toEqual([
      ['b', 0, 'know Cus', 0],
      ['b', 0, 'GAC', 0],
      ['a', 1, 'GAC', 0],
      ['c', 2, 'gac', 0],
    ]);
  });

  it('counts speaker names as terms: a renamed label is a misrecognition, a list term spelled like a speaker joins them', () => {
    const speakers = [
      { id: 's1', label: 'MANON VAN TIEHOVEN', displayName: 'Manon van Tienhoven', role: null, affiliation: null, isGeneric: false },
      { id: 's2', label: 'MODERATOR', displayName: 'Moderator', role: null, affiliation: null, isGeneric: true },
      { id: 's3', label: 'CATHERINE', displayName: 'Catherine', role: null, affiliation: null, isGeneric: false },
      { id: 's4', label: 'MANON VAN TIENHOFEN', displayName: 'Manon van Tienhoven', role: null, affiliation: null, isGeneric: false },
    ];
    const collected = collectGlossaryTerms(speakers, [{ name: 'IGF', terms: [{ id: 'g1', term: 'catherine', misrecognitions: ['Katrin'] }, { id: 'g2', term: 'GFCE', misrecognitions: ['GAC'] }] }]);
    expect(collected).toEqual([
      { id: 'speaker:s1', term: 'Manon van Tienhoven', misrecognitions: ['MANON VAN TIEHOVEN', 'MANON VAN TIENHOFEN'], source: 'speakers' },
      { id: 'speaker:s3', term: 'Catherine', misrecognitions: ['Katrin'], source: 'speakers' },
      { id: 'g2', term: 'GFCE', misrecognitions: ['GAC'], source: 'IGF' },
    ]);
    const { hits } = findGlossaryHits([block('a', 'Thanks Katrin, and Manon van Tiehoven.')], collected);
    expect(hits.map((hit) => [hit.text, hit.fix, hit.source])).toEqual([
      ['Katrin', 'Catherine', 'speakers'],
      ['Manon van Tiehoven', 'Manon van Tienhoven', 'speakers'],
    ]);
  });
});
