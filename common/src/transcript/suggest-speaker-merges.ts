import { measureEditDistance } from './measure-edit-distance.ts';
import type { Speaker, Transcript } from './transcript.schema.ts';

/** Two speaker labels that probably name one person, for a reviewer to confirm. */
export interface SpeakerMergeSuggestion {
  speakerIds: [string, string];
  labels: [string, string];
  /** 0–1, higher is more likely the same person. */
  score: number;
  reason: string;
}

function nameTokens(label: string): string[] {
  // Accents and case are spelling noise here: "JOSÉ" and "Jose" are one token.
  return label.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
}

function isNearToken(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && measureEditDistance(a, b) <= 1;
}

function compareLabels(a: Speaker, b: Speaker): { score: number; reason: string } | null {
  const left = nameTokens(a.label);
  const right = nameTokens(b.label);
  if (left.length === 0 || right.length === 0) return null;
  const joinedLeft = left.join(' ');
  const joinedRight = right.join(' ');
  const distance = measureEditDistance(joinedLeft, joinedRight);
  const spelling = 1 - distance / Math.max(joinedLeft.length, joinedRight.length);
  const matched = left.filter((token) => right.some((other) => isNearToken(token, other))).length;
  const overlap = matched / Math.max(left.length, right.length);
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const isContained = shorter.every((token) => longer.some((other) => isNearToken(token, other)));
  if (distance <= 2 && spelling >= 0.85) {
    return { score: (spelling + overlap) / 2, reason: `labels differ by ${distance} character${distance === 1 ? '' : 's'}` };
  }
  if (isContained && shorter.length < longer.length && shorter.some((token) => token.length >= 3)) {
    return { score: 0.6 + 0.3 * (shorter.length / longer.length), reason: `"${shorter.join(' ')}" is part of "${longer.join(' ')}"` };
  }
  if (overlap >= 0.66 && spelling >= 0.7) return { score: (spelling + overlap) / 2, reason: `${matched} of ${Math.max(left.length, right.length)} name words match` };
  return null;
}

/** Pairs of named (non-generic) speakers whose labels are probably one person, best first. */
export function suggestSpeakerMerges(transcript: Pick<Transcript, 'speakers'>, minScore = 0.7): SpeakerMergeSuggestion[] {
  const named = transcript.speakers.filter((speaker) => !speaker.isGeneric);
  const suggestions: SpeakerMergeSuggestion[] = [];
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const a = named[i] as Speaker;
      const b = named[j] as Speaker;
      const match = compareLabels(a, b);
      if (match && match.score >= minScore) {
        suggestions.push({ speakerIds: [a.id, b.id], labels: [a.label, b.label], score: Math.round(match.score * 1000) / 1000, reason: match.reason });
      }
    }
  }
  return suggestions.sort((x, y) => y.score - x.score);
}
