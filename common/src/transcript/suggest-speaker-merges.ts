import { compareSpeakerLabels, toComparableLabel, type ComparableLabel } from './compare-speaker-labels.ts';
import type { Speaker, Transcript } from './transcript.schema.ts';

/** Two speaker labels that probably name one person, for a reviewer to confirm. */
export interface SpeakerMergeSuggestion {
  speakerIds: [string, string];
  labels: [string, string];
  /** 0–1, higher is more likely the same person. */
  score: number;
  reason: string;
}

// Parsers cap labels at 80 characters; a Verity JSON file can carry anything, and longer labels are not names.
const maxLabelLength = 120;
// Typos are looked for in words up to this long; longer ones must match exactly.
const maxTypoTokenLength = 40;
// A key shared by this many labels says nothing (a common first name); later labels are not filed under it.
const maxBucketSize = 16;
// Labels compared with each new label, at most: the bound that keeps thousands of labels linear.
const maxCandidates = 16;
const maxSuggestions = 200;
// A file with more named speakers than this is no meeting transcript; suggestions stop at the first ones.
const maxSpeakers = 2_000;
const minScore = 0.7;

/** Each word and, for words of four letters or more, each one-letter deletion: near words share one. */
function wordKeys({ tokens }: ComparableLabel): string[] {
  const keys: string[] = [];
  for (const token of tokens) {
    keys.push(`w${token}`);
    if (token.length < 4 || token.length > maxTypoTokenLength) continue;
    for (let index = 0; index < token.length; index++) keys.push(`w${token.slice(0, index)}${token.slice(index + 1)}`);
  }
  return keys;
}

/**
 * Pairs of named (non-generic) speakers whose labels are probably one person, best first. Only labels
 * sharing a word up to a typo are compared (every pair scoring 0.7 or more shares one), so the work
 * grows with the number of speakers, not its square; past 2,000 named speakers it stops growing.
 */
export function suggestSpeakerMerges(transcript: Pick<Transcript, 'speakers'>): SpeakerMergeSuggestion[] {
  const named = transcript.speakers
    .filter((speaker) => !speaker.isGeneric && speaker.label.length <= maxLabelLength)
    .slice(0, maxSpeakers)
    .map((speaker) => ({ speaker, label: toComparableLabel(speaker.label) }))
    .filter(({ label }) => label.tokens.length > 0);
  const buckets = new Map<string, number[]>();
  const found: { first: number; second: number; suggestion: SpeakerMergeSuggestion }[] = [];
  named.forEach(({ speaker: b, label }, second) => {
    const words = wordKeys(label);
    // Rare words first: a shared surname says more than a shared "MR".
    const shared = words.map((key) => buckets.get(key) ?? []).sort((x, y) => x.length - y.length);
    const candidates = new Set<number>();
    for (const bucket of shared) for (const first of bucket) if (candidates.size < maxCandidates) candidates.add(first);
    for (const first of candidates) {
      const { speaker: a, label: other } = named[first] as { speaker: Speaker; label: ComparableLabel };
      const match = compareSpeakerLabels(other, label);
      if (match && match.score >= minScore) {
        const suggestion: SpeakerMergeSuggestion = { speakerIds: [a.id, b.id], labels: [a.label, b.label], score: Math.round(match.score * 1000) / 1000, reason: match.reason };
        found.push({ first, second, suggestion });
      }
    }
    for (const key of new Set(words)) {
      const bucket = buckets.get(key);
      if (!bucket) buckets.set(key, [second]);
      else if (bucket.length < maxBucketSize) bucket.push(second);
    }
  });
  // Ties keep the order of the speakers, as when every pair was compared in turn.
  found.sort((x, y) => y.suggestion.score - x.suggestion.score || x.first - y.first || x.second - y.second);
  return found.slice(0, maxSuggestions).map(({ suggestion }) => suggestion);
}
