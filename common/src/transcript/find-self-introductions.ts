import { normalizeSpeakerKey } from './classify-speaker-label.ts';
import { turnSpokenText } from './turn-plain-text.ts';
import type { Transcript } from './transcript.schema.ts';

/** An unattributed turn in which someone appears to say who they are. */
export interface SelfIntroduction {
  turnId: string;
  name: string;
  /** The sentence the name was found in. */
  evidence: string;
  /** An existing speaker whose label matches the name, if any. */
  matchingSpeakerId: string | null;
}

const nameWord = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’\u2010\u2011-]+`;
const particle = String.raw`(?:van|von|de|der|den|da|del|di|du|la|le|bin|al|el)`;
const fullName = String.raw`${nameWord}(?:\s+(?:${particle}\s+)*${nameWord}){0,3}`;
const introPatterns = [
  new RegExp(String.raw`\b[Mm]y name is\s+(${fullName})`, 'gu'),
  new RegExp(String.raw`\bI(?:'|’| a)m\s+(${fullName})`, 'gu'),
  new RegExp(String.raw`\bthis is\s+(${fullName})\s+(?:from|speaking|with)\b`, 'gu'),
];
// Capitalized words that follow "I'm" without being a name.
const notNames = new Set(['Not', 'Just', 'Also', 'So', 'Very', 'Here', 'Glad', 'Happy', 'Sure', 'Sorry', 'Going', 'Really', 'The', 'A', 'An', 'In', 'On', 'From', 'With', 'Still', 'Now', 'Afraid', 'Okay', 'OK', 'Yes', 'No', 'Thankful', 'Pleased', 'Delighted', 'Honored', 'Honoured', 'Director', 'Head', 'Chair', 'President', 'Professor']);

// How far around a name the sentence is looked for: a turn of a million characters with no full stop
// and thousands of introductions must not be scanned end to end once per introduction.
const lookBehind = 100;
const evidenceLength = 200;

function sentenceAround(text: string, index: number): string {
  const windowStart = Math.max(0, index - lookBehind);
  const before = text.slice(windowStart, index);
  const start = windowStart + Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('\n') + 1, 0);
  const after = text.slice(index, start + evidenceLength);
  const endMatch = /[.?!\n]/.exec(after);
  return text.slice(start, index + (endMatch ? endMatch.index + 1 : after.length)).trim();
}

/** Self-introductions ("My name is …", "I'm X from Y") in unattributed turns; suggestions only, nothing applied. */
export function findSelfIntroductions(transcript: Pick<Transcript, 'turns' | 'speakers'>): SelfIntroduction[] {
  const speakersByKey = new Map(transcript.speakers.map((speaker) => [normalizeSpeakerKey(speaker.label), speaker.id]));
  const found: SelfIntroduction[] = [];
  for (const turn of transcript.turns) {
    if (turn.speakerId !== null) continue;
    const text = turnSpokenText(turn);
    const seen = new Set<string>();
    for (const pattern of introPatterns) {
      for (const match of text.matchAll(pattern)) {
        const name = (match[1] ?? '').replace(/\s+/g, ' ');
        if (notNames.has(name.split(' ')[0] ?? '') || seen.has(name)) continue;
        seen.add(name);
        found.push({ turnId: turn.id, name, evidence: sentenceAround(text, match.index), matchingSpeakerId: speakersByKey.get(normalizeSpeakerKey(name)) ?? null });
      }
    }
  }
  return found;
}
