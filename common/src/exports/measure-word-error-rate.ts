import { turnSpokenText } from '../transcript/turn-plain-text.ts';
import type { Transcript, Turn } from '../transcript/transcript.schema.ts';
import { alignWords, countOperations, splitWords } from './align-words.ts';
import type { WordAlignment, WordOperation } from './align-words.ts';

/** How one turn changed between the raw import and the final text. */
export interface TurnComparison {
  turnId: string;
  /** 'kept': in both; 'added': only in the final text; 'removed': only in the raw import. */
  status: 'kept' | 'added' | 'removed';
  rawSpeaker: string | null;
  finalSpeaker: string | null;
  alignment: WordAlignment;
}

/** The word error rate of the raw import against the final text, and its per-turn alignments. */
export interface WordErrorRate extends Omit<WordAlignment, 'operations'> {
  /** (S + D + I) / N; null when the final text has no words. */
  rate: number | null;
  turns: TurnComparison[];
}

function speakerName(transcript: Transcript, turn: Turn | undefined): string | null {
  if (!turn?.speakerId) return null;
  return transcript.speakers.find((speaker) => speaker.id === turn.speakerId)?.displayName ?? null;
}

/**
 * WER = (S + D + I) / N with the final, approved text as the reference and the raw import as the
 * hypothesis; N counts the final text's words. Turns are aligned by id: a final turn missing from the
 * raw import counts as deletions, a raw turn missing from the final text as insertions.
 */
export function measureWordErrorRate(raw: Transcript, final: Transcript): WordErrorRate {
  const rawTurns = new Map(raw.turns.map((turn) => [turn.id, turn]));
  const finalIds = new Set(final.turns.map((turn) => turn.id));
  const turns: TurnComparison[] = final.turns.map((turn) => {
    const before = rawTurns.get(turn.id);
    const reference = splitWords(turnSpokenText(turn));
    return {
      turnId: turn.id,
      status: before ? 'kept' : 'added',
      rawSpeaker: speakerName(raw, before),
      finalSpeaker: speakerName(final, turn),
      alignment: alignWords(reference, before ? splitWords(turnSpokenText(before)) : []),
    };
  });
  for (const turn of raw.turns.filter((candidate) => !finalIds.has(candidate.id))) {
    const operations: WordOperation[] = splitWords(turnSpokenText(turn)).map((word) => ({ kind: 'insertion', reference: null, hypothesis: word }));
    turns.push({ turnId: turn.id, status: 'removed', rawSpeaker: speakerName(raw, turn), finalSpeaker: null, alignment: countOperations(operations, 0) });
  }
  const total = { matches: 0, substitutions: 0, deletions: 0, insertions: 0, referenceWords: 0 };
  for (const { alignment } of turns) {
    total.matches += alignment.matches;
    total.substitutions += alignment.substitutions;
    total.deletions += alignment.deletions;
    total.insertions += alignment.insertions;
    total.referenceWords += alignment.referenceWords;
  }
  const errors = total.substitutions + total.deletions + total.insertions;
  return { ...total, rate: total.referenceWords === 0 ? (errors === 0 ? 0 : null) : errors / total.referenceWords, turns };
}
