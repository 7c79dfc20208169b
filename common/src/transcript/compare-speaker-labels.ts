import { measureEditDistance } from './measure-edit-distance.ts';

/** A speaker label made ready for comparing: its name words, accents and case removed. */
export interface ComparableLabel {
  tokens: string[];
  joined: string;
}

/** Name words of a label; accents and case are spelling noise here: "JOSÉ" and "Jose" are one token. */
export function toComparableLabel(label: string): ComparableLabel {
  const tokens = label.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
  return { tokens, joined: tokens.join(' ') };
}

/** Equal, or one typo apart in words long enough that a typo does not make another word. */
export function isNearToken(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 4 && measureEditDistance(a, b, 1) <= 1;
}

/**
 * Whether two labels probably name one person, how likely (0–1) and why; null when not. Spelling
 * below 0.7 never counts, so the edit distance is only measured up to 30 % of the longer label.
 */
export function compareSpeakerLabels(a: ComparableLabel, b: ComparableLabel): { score: number; reason: string } | null {
  const { tokens: left, joined: joinedLeft } = a;
  const { tokens: right, joined: joinedRight } = b;
  if (left.length === 0 || right.length === 0) return null;
  const longest = Math.max(joinedLeft.length, joinedRight.length);
  const distance = measureEditDistance(joinedLeft, joinedRight, Math.floor(0.3 * longest + 1e-9));
  const spelling = 1 - distance / longest;
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
