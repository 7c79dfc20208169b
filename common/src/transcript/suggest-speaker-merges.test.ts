import { describe, expect, it } from 'vitest';
import { compareSpeakerLabels, toComparableLabel } from './compare-speaker-labels.ts';
import { suggestSpeakerMerges } from './suggest-speaker-merges.ts';
import type { Speaker } from './transcript.schema.ts';

function speaker(index: number, label: string): Speaker {
  return { id: `s${index + 1}`, label, displayName: label, role: null, affiliation: null, isGeneric: false };
}

/** The definition: every pair compared, best first, ties in speaker order. */
function suggestByComparingAllPairs(speakers: Speaker[]) {
  const found = [];
  for (let i = 0; i < speakers.length; i++) {
    for (let j = i + 1; j < speakers.length; j++) {
      const [a, b] = [speakers[i] as Speaker, speakers[j] as Speaker];
      const match = compareSpeakerLabels(toComparableLabel(a.label), toComparableLabel(b.label));
      if (match && match.score >= 0.7) found.push({ speakerIds: [a.id, b.id], labels: [a.label, b.label], score: Math.round(match.score * 1000) / 1000, reason: match.reason });
    }
  }
  return found.sort((x, y) => y.score - x.score);
}

// A seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const words = ['MANON', 'VAN', 'TIENHOVEN', 'LEA', 'KASPAR', 'CHRIS', 'PAINTER', 'ANNA', 'MARIA', 'LOPEZ', 'JOSÉ', 'LI', 'WEI', 'KASPARSENHOLMEN', 'O\'BRIEN', 'DE', 'LA', 'CRUZ'];

function typo(word: string, next: () => number): string {
  const at = Math.floor(next() * word.length);
  const letter = 'AEIOUNRST '.charAt(Math.floor(next() * 10));
  const kind = Math.floor(next() * 3);
  if (kind === 0) return word.slice(0, at) + letter + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + letter + word.slice(at);
}

function randomLabels(seed: number, count: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const size = 1 + Math.floor(next() * 3);
    let label = Array.from({ length: size }, () => words[Math.floor(next() * words.length)]).join(' ');
    for (let edits = Math.floor(next() * 3); edits > 0; edits--) label = typo(label, next);
    return label.trim() || 'X';
  });
}

describe('suggestSpeakerMerges', () => {
  it('finds exactly what comparing every pair finds, on labels with typos, split and joined words', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const speakers = randomLabels(seed, 30).map((label, index) => speaker(index, label));
      expect(suggestSpeakerMerges({ speakers }), `seed ${seed}`).toEqual(suggestByComparingAllPairs(speakers).slice(0, 200));
    }
  });

  it('finds a pair one typo apart among almost 2,000 unrelated labels', () => {
    const next = random(7);
    const randomWord = () => Array.from({ length: 7 }, () => String.fromCharCode(65 + Math.floor(next() * 26))).join('');
    const others = Array.from({ length: 1_900 }, () => `MR ${randomWord()} ${randomWord()}`);
    const speakers = ['LEA KASPAR', ...others, 'LEA KASPER'].map((label, index) => speaker(index, label));
    expect(suggestSpeakerMerges({ speakers }).map((suggestion) => suggestion.labels)).toContainEqual(['LEA KASPAR', 'LEA KASPER']);
  });

  it('looks at the first 2,000 named speakers only: more is no meeting transcript', () => {
    const others = Array.from({ length: 2_000 }, (_value, index) => `PERSON ${index}`);
    const speakers = ['LEA KASPAR', ...others, 'LEA KASPER'].map((label, index) => speaker(index, label));
    expect(suggestSpeakerMerges({ speakers }).map((suggestion) => suggestion.labels)).not.toContainEqual(['LEA KASPAR', 'LEA KASPER']);
  });

  it('ignores labels too long to be names, which only a JSON file can carry', () => {
    const long = 'A'.repeat(5_000);
    expect(suggestSpeakerMerges({ speakers: [speaker(0, long), speaker(1, `${long}B`)] })).toEqual([]);
  });

  it('keeps thousands of similar labels bounded: at most 200 suggestions, each label compared with a few others', () => {
    const speakers = Array.from({ length: 3_000 }, (_value, index) => speaker(index, `JOHN SMITH${index.toString(36).toUpperCase()}`));
    const suggestions = suggestSpeakerMerges({ speakers });
    expect(suggestions.length).toBeLessThanOrEqual(200);
    expect(suggestions.length).toBeGreaterThan(0);
  });
});
