import type { WordOperation } from '../exports/align-words.ts';
import { measureWordErrorRate, type WordErrorRate } from '../exports/measure-word-error-rate.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';

/**
 * One correction: a run of raw words a reviewer replaced, removed or added to, found by aligning each
 * turn's raw words with its final words (the same alignment WER counts). Its identity is the turn, the
 * raw words, the final words and which occurrence of that same change in the turn it is, so a
 * classification stays with it while it exists, whatever else changes around it.
 */
export interface Correction {
  turnId: string;
  /** 1 for the first run in the turn with these raw and final words, 2 for the next… */
  occurrence: number;
  /** The raw (captioned) words, as written; empty when words were added. */
  from: string[];
  /** The final words, as written; empty when words were removed. */
  to: string[];
  /** Up to three final words before and after the run, to show it in context. */
  before: string[];
  after: string[];
  speaker: string | null;
}

const contextWords = 3;

/** The corrections that turn `raw` into `final`, in reading order; pass `wer` when already measured. */
export function listCorrections(raw: Transcript, final: Transcript, wer: WordErrorRate = measureWordErrorRate(raw, final)): Correction[] {
  const corrections: Correction[] = [];
  for (const turn of wer.turns) {
    const seen = new Map<string, number>();
    for (const run of findRuns(turn.alignment.operations)) {
      const identity = JSON.stringify([run.from, run.to]);
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      corrections.push({ turnId: turn.turnId, occurrence, ...run, speaker: turn.finalSpeaker ?? turn.rawSpeaker });
    }
  }
  return corrections;
}

/** Runs of non-matching operations, raw → final, with the final words around them. */
export function findRuns(operations: readonly WordOperation[]): Pick<Correction, 'from' | 'to' | 'before' | 'after'>[] {
  const finalWords: string[] = [];
  const runs: { from: string[]; to: string[]; start: number; end: number }[] = [];
  let current: { from: string[]; to: string[]; start: number; end: number } | null = null;
  for (const operation of operations) {
    if (operation.kind === 'match') {
      if (current) runs.push({ ...current, end: finalWords.length });
      current = null;
    } else {
      current ??= { from: [], to: [], start: finalWords.length, end: 0 };
      if (operation.hypothesis !== null) current.from.push(operation.hypothesis);
      if (operation.reference !== null) current.to.push(operation.reference);
    }
    if (operation.reference !== null) finalWords.push(operation.reference);
  }
  if (current) runs.push({ ...current, end: finalWords.length });
  return runs.map(({ from, to, start, end }) => ({
    from,
    to,
    before: finalWords.slice(Math.max(0, start - contextWords), start),
    after: finalWords.slice(end, end + contextWords),
  }));
}

/** The text that identifies a correction (versioned, so the scheme can change without colliding). */
export function correctionIdentity(correction: Pick<Correction, 'turnId' | 'from' | 'to' | 'occurrence'>): string {
  return JSON.stringify(['c1', correction.turnId, correction.from.join(' '), correction.to.join(' '), correction.occurrence]);
}

/** A correction's key: the SHA-256 of its identity in hex, bounded whatever the words. */
export async function correctionKey(correction: Pick<Correction, 'turnId' | 'from' | 'to' | 'occurrence'>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(correctionIdentity(correction)));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
