import { describe, expect, it } from 'vitest';
import { parseCart } from '../formats/parse-cart.ts';
import { findSelfIntroductions } from './find-self-introductions.ts';
import { suggestSpeakerMerges } from './suggest-speaker-merges.ts';
import { summarizeImport } from './summarize-import.ts';

const transcript = parseCart(
  [
    '>> MODERATOR: Welcome (?) all.',
    '>> MODERATR: Typo of a role, never merged.',
    '>> CHRIS PAINTER: Hello.',
    '>> PAINTER: Again.',
    '>> LEA KASPAR: Hi.',
    '>> LIESYL FRANZ: Hi.',
    ">> Thank you. I'm Patrick from Brussels. I'm not sure.",
    '>> My name is Kerry\u2011Ann Rice, from Oxford.\n[ Laughter ]',
    ">> Hi, I am Lea Kaspar and I'm happy to be here.",
  ].join('\n'),
);

describe('speaker hints', () => {
  it('suggests labels that are probably one person, never generic roles', () => {
    const suggestions = suggestSpeakerMerges(transcript);
    expect(suggestions.map((suggestion) => suggestion.labels)).toEqual([['CHRIS PAINTER', 'PAINTER']]);
    expect(suggestions[0]?.reason).toBe('"PAINTER" is part of "CHRIS PAINTER"');
  });

  it('finds self-introductions in unattributed turns and links known speakers', () => {
    expect(findSelfIntroductions(transcript).map(({ turnId, name, matchingSpeakerId }) => ({ turnId, name, matchingSpeakerId }))).toEqual([
      { turnId: 't7', name: 'Patrick', matchingSpeakerId: null },
      { turnId: 't8', name: 'Kerry\u2011Ann Rice', matchingSpeakerId: null },
      { turnId: 't9', name: 'Lea Kaspar', matchingSpeakerId: 's5' },
    ]);
    expect(findSelfIntroductions(transcript)[0]?.evidence).toBe("I'm Patrick from Brussels.");
  });

  it('summarizes an import for the preview', () => {
    const summary = summarizeImport(transcript);
    expect(summary).toMatchObject({ turnCount: 9, unattributedTurnCount: 3, uncertainCount: 1, eventCounts: { Laughter: 1 }, noteCount: 0 });
    expect(summary.speakers[0]).toEqual({ id: 's1', label: 'MODERATOR', displayName: 'Moderator', isGeneric: true, turnCount: 1 });
    expect(summary.wordCount).toBe(39);
  });
});
