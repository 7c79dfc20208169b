import { splitWords } from '../exports/align-words.ts';
import type { Speaker, Transcript } from '../transcript/transcript.schema.ts';
import { turnSpokenText } from '../transcript/turn-plain-text.ts';

/** One speaker's part of a transcript. */
export interface SpeakerShare {
  speaker: Speaker;
  turns: number;
  words: number;
  /** words / all words of the transcript, 0…1 (0 when the transcript has no words). */
  share: number;
}

/** Turns, words and share of the words per speaker, in roster order; unattributed words count in the total. */
export function measureSpeakers(transcript: Transcript): { speakers: SpeakerShare[]; totalWords: number } {
  const counts = new Map<string, { turns: number; words: number }>();
  let total = 0;
  for (const turn of transcript.turns) {
    const words = splitWords(turnSpokenText(turn)).length;
    total += words;
    if (turn.speakerId === null) continue;
    const entry = counts.get(turn.speakerId) ?? { turns: 0, words: 0 };
    entry.turns++;
    entry.words += words;
    counts.set(turn.speakerId, entry);
  }
  const speakers = transcript.speakers.map((speaker) => {
    const { turns, words } = counts.get(speaker.id) ?? { turns: 0, words: 0 };
    return { speaker, turns, words, share: total === 0 ? 0 : words / total };
  });
  return { speakers, totalWords: total };
}
