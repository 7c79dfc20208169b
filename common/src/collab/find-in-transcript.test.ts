import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { chipMark, findHitKey, findInTranscript, type FindQuery, type SearchableBlock } from './find-in-transcript.ts';
import { readSearchableBlocks } from './doc-edits/replace-in-doc.ts';
import { createTranscriptDoc } from './transcript-doc.ts';

const blocks: SearchableBlock[] = [
  { id: 't1', kind: 'turn', speakerId: 's1', text: 'The GAC met. The gac and GACE too.' },
  { id: 'n1', kind: 'note', speakerId: null, text: 'GAC adjourned.' },
  { id: 't2', kind: 'turn', speakerId: null, text: `Ask G${chipMark}AC or GAC${chipMark}` },
];
const query = (patch: Partial<FindQuery>): FindQuery => ({ pattern: 'GAC', replacement: 'GFCE', isCaseSensitive: false, isWholeWord: false, isRegex: false, ...patch });
const matches = (patch: Partial<FindQuery>) => {
  const result = findInTranscript(blocks, query(patch));
  if (!result.ok) throw new Error(result.message);
  return result.hits.map((hit) => `${hit.blockId}@${hit.start}:${hit.match}→${hit.replacement}`);
};

describe('findInTranscript', () => {
  it('finds case-insensitively by default, every block, never across an event chip', () => {
    expect(matches({})).toEqual(['t1@4:GAC→GFCE', 't1@17:gac→GFCE', 't1@25:GAC→GFCE', 'n1@0:GAC→GFCE', 't2@12:GAC→GFCE']);
  });

  it('case-sensitive and whole-word modes narrow the hits', () => {
    expect(matches({ isCaseSensitive: true })).toEqual(['t1@4:GAC→GFCE', 't1@25:GAC→GFCE', 'n1@0:GAC→GFCE', 't2@12:GAC→GFCE']);
    expect(matches({ isWholeWord: true })).toEqual(['t1@4:GAC→GFCE', 't1@17:gac→GFCE', 'n1@0:GAC→GFCE', 't2@12:GAC→GFCE']);
    expect(matches({ isWholeWord: true, isCaseSensitive: true })).toHaveLength(3);
  });

  it('treats the pattern literally unless regex mode is on, which expands groups in the replacement', () => {
    expect(matches({ pattern: 'G.C' })).toEqual([]);
    const dotted = findInTranscript([{ id: 'a', kind: 'turn', speakerId: null, text: 'cost 5.00 or 5x00 (a|b) a-b' }], query({ pattern: '5.00' }));
    expect(dotted.ok && dotted.hits.map((hit) => hit.start)).toEqual([5]);
    const special = findInTranscript([{ id: 'a', kind: 'turn', speakerId: null, text: '(a|b) a-b' }], query({ pattern: '(a|b) a-b' }));
    expect(special.ok && special.hits).toHaveLength(1);
    expect(matches({ isRegex: true, pattern: 'G(A)(C)', replacement: '[$2$1$&$$]' })).toContain('t1@4:GAC→[CAGAC$]');
    expect(matches({ pattern: 'GAC', replacement: '$1$&' })).toContain('t1@4:GAC→$1$&');
  });

  it('skips empty matches and reports an invalid or empty pattern instead of throwing', () => {
    expect(matches({ isRegex: true, pattern: 'x*' })).toEqual([]);
    expect(findInTranscript(blocks, query({ isRegex: true, pattern: '(' }))).toMatchObject({ ok: false, message: expect.stringContaining('Not a valid regular expression') });
    expect(findInTranscript(blocks, query({ pattern: '' }))).toMatchObject({ ok: false });
    expect(findInTranscript(blocks, query({ pattern: 'x'.repeat(501) }))).toMatchObject({ ok: false });
  });

  it('whole-word mode knows letters outside ASCII', () => {
    const accented = [{ id: 'a', kind: 'turn' as const, speakerId: null, text: 'éGAC GACé GAC' }];
    const result = findInTranscript(accented, query({ isWholeWord: true }));
    expect(result.ok && result.hits.map((hit) => hit.start)).toEqual([10]);
  });

  it('stops listing at the cap and says so; keys tell repeated matches in a block apart', () => {
    const many = [{ id: 'a', kind: 'turn' as const, speakerId: null, text: 'GAC '.repeat(50) }];
    const result = findInTranscript(many, query({}), { maxHits: 10 });
    expect(result).toMatchObject({ ok: true, isTruncated: true });
    expect(result.ok && result.hits).toHaveLength(10);
    const keys = result.ok ? result.hits.map(findHitKey) : [];
    expect(new Set(keys).size).toBe(10);
  });

  it('gives each hit its context, turn position and speaker', () => {
    const result = findInTranscript(blocks, query({}));
    expect(result.ok && result.hits[0]).toMatchObject({ blockIndex: 0, kind: 'turn', speakerId: 's1', before: 'The ', after: ' met. The gac and GACE too.', occurrence: 0 });
    expect(result.ok && result.hits[1]).toMatchObject({ occurrence: 0, match: 'gac' });
    expect(result.ok && result.hits[2]).toMatchObject({ occurrence: 1, match: 'GAC' });
  });

  it.skipIf(!hasSeeds)('finds the ten whole-word “GAC” of seed 000 (and the eleventh inside “GACE” without whole-word)', () => {
    const doc = createTranscriptDoc(parseTranscript(readSeed('000_4888b5e5729f2cf0.txt'), { fileName: '000.txt' }));
    const searchable = readSearchableBlocks(doc);
    const whole = findInTranscript(searchable, query({ isWholeWord: true, isCaseSensitive: true }));
    const loose = findInTranscript(searchable, query({ isCaseSensitive: true }));
    expect(whole.ok && whole.hits).toHaveLength(10);
    expect(loose.ok && loose.hits).toHaveLength(11);
  });
});
