import { normalizeForComparison } from '../transcript/normalize-for-comparison.ts';

/**
 * One step of a word alignment, in WER terms: the reference is the correct text, the hypothesis the
 * text being scored. A deletion is a reference word the hypothesis lacks; an insertion a hypothesis
 * word the reference lacks.
 */
export type WordOperation =
  | { kind: 'match' | 'substitution'; reference: string; hypothesis: string }
  | { kind: 'deletion'; reference: string; hypothesis: null }
  | { kind: 'insertion'; reference: null; hypothesis: string };

/** A minimal word alignment and its counts: S, D, I and N (words in the reference). */
export interface WordAlignment {
  operations: WordOperation[];
  matches: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
}

const wordPattern = /[\p{L}\p{N}]/u;

/** Whitespace-separated tokens that contain a letter or digit (as countWords counts them), as written. */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '' && wordPattern.test(token));
}

// Diagonal first, so among equally short alignments a substitution wins over a deletion + insertion.
const diagonal = 0;
const up = 1;
const left = 2;

/**
 * Levenshtein alignment over words, O(n·m) time and cells after trimming the common prefix and suffix
 * (most corrected turns differ in a few words). Words compare as written, except that typographic
 * variants (NBSP, U+2011, curly quotes) are equal, as normalizeForComparison defines.
 */
export function alignWords(reference: readonly string[], hypothesis: readonly string[]): WordAlignment {
  const refKeys = reference.map(normalizeForComparison);
  const hypKeys = hypothesis.map(normalizeForComparison);
  let head = 0;
  while (head < refKeys.length && head < hypKeys.length && refKeys[head] === hypKeys[head]) head++;
  let tail = 0;
  while (tail < refKeys.length - head && tail < hypKeys.length - head && refKeys[refKeys.length - 1 - tail] === hypKeys[hypKeys.length - 1 - tail]) tail++;
  const n = refKeys.length - head - tail;
  const m = hypKeys.length - head - tail;
  const width = m + 1;
  const moves = new Uint8Array((n + 1) * width);
  let previous = new Uint32Array(width);
  let current = new Uint32Array(width);
  for (let j = 0; j <= m; j++) {
    previous[j] = j;
    moves[j] = left;
  }
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    moves[i * width] = up;
    const refKey = refKeys[head + i - 1];
    for (let j = 1; j <= m; j++) {
      let best = previous[j - 1]! + (refKey === hypKeys[head + j - 1] ? 0 : 1);
      let move = diagonal;
      if (previous[j]! + 1 < best) {
        best = previous[j]! + 1;
        move = up;
      }
      if (current[j - 1]! + 1 < best) {
        best = current[j - 1]! + 1;
        move = left;
      }
      current[j] = best;
      moves[i * width + j] = move;
    }
    [previous, current] = [current, previous];
  }
  const middle: WordOperation[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const move = moves[i * width + j];
    const ref = reference[head + i - 1]!;
    const hyp = hypothesis[head + j - 1]!;
    if (move === diagonal) {
      middle.push({ kind: refKeys[head + i - 1] === hypKeys[head + j - 1] ? 'match' : 'substitution', reference: ref, hypothesis: hyp });
      i--;
      j--;
    } else if (move === up) {
      middle.push({ kind: 'deletion', reference: ref, hypothesis: null });
      i--;
    } else {
      middle.push({ kind: 'insertion', reference: null, hypothesis: hyp });
      j--;
    }
  }
  const prefix: WordOperation[] = [];
  for (let k = 0; k < head; k++) prefix.push({ kind: 'match', reference: reference[k]!, hypothesis: hypothesis[k]! });
  const suffix: WordOperation[] = [];
  const shift = hypothesis.length - reference.length;
  for (let k = reference.length - tail; k < reference.length; k++) suffix.push({ kind: 'match', reference: reference[k]!, hypothesis: hypothesis[k + shift]! });
  const operations = [...prefix, ...middle.reverse(), ...suffix];
  return countOperations(operations, reference.length);
}

/** Counts an alignment's operations. */
export function countOperations(operations: WordOperation[], referenceWords: number): WordAlignment {
  const alignment: WordAlignment = { operations, matches: 0, substitutions: 0, deletions: 0, insertions: 0, referenceWords };
  for (const operation of operations) {
    if (operation.kind === 'match') alignment.matches++;
    else if (operation.kind === 'substitution') alignment.substitutions++;
    else if (operation.kind === 'deletion') alignment.deletions++;
    else alignment.insertions++;
  }
  return alignment;
}
