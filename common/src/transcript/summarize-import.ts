import { countWords, turnSpokenText } from './turn-plain-text.ts';
import type { Transcript } from './transcript.schema.ts';

/** What an import produced, for the preview before the user confirms it. */
export interface ImportSummary {
  turnCount: number;
  speakers: { id: string; label: string; displayName: string; isGeneric: boolean; turnCount: number }[];
  unattributedTurnCount: number;
  uncertainCount: number;
  eventCounts: Record<string, number>;
  noteCount: number;
  wordCount: number;
}

/** Counts turns, speakers, unattributed turns, uncertain spans, events, notes and words. */
export function summarizeImport(transcript: Transcript): ImportSummary {
  const turnsBySpeaker = new Map<string, number>();
  const eventCounts: Record<string, number> = {};
  let unattributedTurnCount = 0;
  let uncertainCount = 0;
  let wordCount = 0;
  for (const turn of transcript.turns) {
    if (turn.speakerId === null) unattributedTurnCount++;
    else turnsBySpeaker.set(turn.speakerId, (turnsBySpeaker.get(turn.speakerId) ?? 0) + 1);
    for (const segment of turn.content) {
      if (segment.type === 'uncertain') uncertainCount++;
      else if (segment.type === 'event') eventCounts[segment.label] = (eventCounts[segment.label] ?? 0) + 1;
    }
    wordCount += countWords(turnSpokenText(turn));
  }
  return {
    turnCount: transcript.turns.length,
    speakers: transcript.speakers.map((speaker) => ({
      id: speaker.id,
      label: speaker.label,
      displayName: speaker.displayName,
      isGeneric: speaker.isGeneric,
      turnCount: turnsBySpeaker.get(speaker.id) ?? 0,
    })),
    unattributedTurnCount,
    uncertainCount,
    eventCounts,
    noteCount: transcript.notes.length,
    wordCount,
  };
}
