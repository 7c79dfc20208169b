import { findSelfIntroductions } from './find-self-introductions.ts';
import { measureEditDistance } from './measure-edit-distance.ts';
import { turnSpokenText } from './turn-plain-text.ts';
import type { Transcript } from './transcript.schema.ts';

/** Who probably speaks an unattributed turn, and why; a person applies it (nothing here changes the transcript). */
export interface TurnSpeakerSuggestion {
  turnId: string;
  /** The roster speaker the name matches, or null: a new speaker called `name`. */
  speakerId: string | null;
  name: string;
  /** "self-introduction": the turn says who it is; "hand-off": the turn before gives the floor; "thanks": the turn after thanks them. */
  source: 'self-introduction' | 'hand-off' | 'thanks';
  /** The words it rests on, quoted as the transcript has them (at most 160 characters). */
  evidence: string;
}

const nameWord = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’\u2010\u2011-]+`;
const particle = String.raw`(?:van|von|de|der|den|da|del|di|du|la|le|bin|al|el)`;
const name = String.raw`(${nameWord}(?:[ \t]+(?:${particle}[ \t]+)*${nameWord}){0,3})`;
// The floor given at the end of a turn ("Catherine, would you like to continue?", "over to you, Catherine").
const handOffPatterns = [
  new RegExp(String.raw`\b${name},\s+(?:would|could|can|will|do|did)\s+you\b`, 'gu'),
  new RegExp(String.raw`\b${name},\s+(?:please\s+go\s+ahead|the\s+floor\s+is\s+yours|over\s+to\s+you|your\s+turn)\b`, 'gu'),
  new RegExp(String.raw`\b(?:[Oo]ver\s+to\s+you|[Tt]he\s+floor\s+is\s+yours|[Ss]tart\s+with\s+you|[Bb]egin\s+with\s+you),?\s+${name}`, 'gu'),
  new RegExp(String.raw`\b(?:[Gg]ive|[Hh]and|[Pp]ass|[Tt]urn)\s+(?:it\s+|the\s+floor\s+|things\s+)?(?:over\s+)?to\s+${name}`, 'gu'),
  new RegExp(String.raw`\b(?:[Nn]ext\s+we\s+have|[Nn]ext\s+up\s+is|[Nn]ext\s+is|[Ll]et'?s\s+hear\s+from|(?:[Ii]nvite|[Cc]all\s+on|[Aa]sk)\s+(?:now\s+)?)\s*${name}`, 'gu'),
];
// Thanks at the start of a turn name whoever spoke just before ("Thank you, Patryk, for the question").
const thanksPattern = new RegExp(String.raw`^\W{0,3}(?:(?:Great|Okay|OK|Well|Yes|So|Right|And),?\s+)?(?:[Tt]hank\s+you|[Tt]hanks)(?:\s+(?:so|very)\s+much)?,?\s+${name}`, 'u');
// Capitalized words that stand where a name would without being one.
const notNames = new Set(
  'So Okay OK Well Now Yes No Please Thanks Thank Great Good Right Then And But Or Sir Madam Mr Mrs Ms Dr Chair Chairman Chairwoman President Professor Ambassador Minister Excellency Everyone Everybody All Friends Colleagues Ladies Gentlemen Panelists Again Also First Second Finally Next Here There Maybe Perhaps Actually Sorry Lastly Alright Hello Hi You We They I It This That The What How Why When Where Who Which Would Could Can Will Do Did'.split(' '),
);

// Bounded windows: a hand-off closes the turn before, thanks open the turn after; a million-character turn costs no more.
const handOffWindow = 300;
const thanksWindow = 120;
const evidenceChars = 160;
const maxPerTurn = 3;
// Roster entries compared with one name, at most (candidates come from a word index, not a scan).
const maxCandidates = 16;

/**
 * Speaker suggestions for every unattributed turn: self-introductions in the turn, the floor given at
 * the end of the turn before, thanks at the start of the turn after. A name is matched to the roster by
 * its words up to a typo ("Catherine" is CATHERINE GARCIA van HEOGSTRATEN), else to a fuller name another
 * suggestion proposes ("Patryk" → "Patrick Pavlak"), else proposed as a new speaker. Linear in the text.
 */
export function suggestTurnSpeakers(transcript: Pick<Transcript, 'turns' | 'speakers'>): TurnSpeakerSuggestion[] {
  const roster = indexNames(transcript.speakers.filter((speaker) => !speaker.isGeneric).map((speaker) => ({ id: speaker.id, name: speaker.displayName || speaker.label })));
  const found = new Map<string, TurnSpeakerSuggestion[]>();
  const proposed: { id: string; name: string }[] = [];
  const add = (turnId: string, rawName: string, source: TurnSpeakerSuggestion['source'], evidence: string) => {
    const cleaned = rawName.replace(/\s+/g, ' ').trim();
    if (notNames.has(cleaned.split(' ')[0] ?? '')) return;
    const list = found.get(turnId) ?? [];
    if (list.length >= maxPerTurn) return;
    const match = roster.find(cleaned);
    const speakerId = match?.id ?? null;
    const displayName = match ? (transcript.speakers.find((speaker) => speaker.id === match.id)?.displayName ?? cleaned) : cleaned;
    if (list.some((entry) => (speakerId !== null ? entry.speakerId === speakerId : entry.speakerId === null && sameName(entry.name, displayName)))) return;
    list.push({ turnId, speakerId, name: displayName, source, evidence: evidence.trim().slice(0, evidenceChars) });
    found.set(turnId, list);
    if (speakerId === null && !proposed.some((entry) => entry.name === displayName)) proposed.push({ id: displayName, name: displayName });
  };

  for (const intro of findSelfIntroductions(transcript)) add(intro.turnId, intro.name, 'self-introduction', intro.evidence);
  const texts = transcript.turns.map((turn) => turnSpokenText(turn));
  transcript.turns.forEach((turn, index) => {
    if (turn.speakerId !== null) return;
    const before = index > 0 ? findHandOff(texts[index - 1]!) : null;
    if (before) add(turn.id, before.name, 'hand-off', before.evidence);
    const after = index + 1 < texts.length ? thanksPattern.exec(texts[index + 1]!.slice(0, thanksWindow).trimStart()) : null;
    if (after?.[1]) add(turn.id, after[1], 'thanks', after[0]);
  });

  // A short or misspelt new name ("Patryk") is the fuller one proposed elsewhere ("Patrick Pavlak").
  const fuller = indexNames(proposed.filter((entry) => entry.name.includes(' ')));
  const suggestions: TurnSpeakerSuggestion[] = [];
  for (const turn of transcript.turns) {
    for (const entry of found.get(turn.id) ?? []) {
      if (entry.speakerId === null) {
        const better = fuller.find(entry.name);
        if (better && !sameName(better.name, entry.name)) entry.name = better.name;
      }
      suggestions.push(entry);
    }
  }
  return suggestions;
}

/** The last hand-off in the closing words of a turn. */
function findHandOff(text: string): { name: string; evidence: string } | null {
  const start = Math.max(0, text.length - handOffWindow);
  const tail = text.slice(start);
  let best: { index: number; name: string; evidence: string } | null = null;
  for (const pattern of handOffPatterns) {
    for (const match of tail.matchAll(pattern)) {
      const candidate = match[1];
      if (!candidate || notNames.has(candidate.split(/\s+/)[0] ?? '') || (best && best.index > match.index)) continue;
      best = { index: match.index, name: candidate, evidence: sentenceAt(tail, match.index) };
    }
  }
  return best;
}

/** The sentence of `text` holding `index`, from the hand-off on when the sentence starts long before it. */
function sentenceAt(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('? ') + 2, before.lastIndexOf('\n') + 1, 0);
  const end = /[.?!\n]/.exec(text.slice(index));
  const rest = text.slice(index, end ? index + end.index + 1 : text.length);
  return index - start > 40 ? `…${rest}` : text.slice(start, index) + rest;
}

function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function isNearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  return measureEditDistance(a, b, 2) <= (Math.max(a.length, b.length) >= 7 ? 2 : 1);
}

function sameName(a: string, b: string): boolean {
  return words(a).join(' ') === words(b).join(' ');
}

/**
 * Names indexed by each word and its near keys, so a name finds the entries sharing a word up to a
 * typo without a scan (at most 16 per key). An entry matches when every word of the name is near one of its words.
 */
function indexNames(entries: readonly { id: string; name: string }[]) {
  const byKey = new Map<string, number[]>();
  const entryWords = entries.map((entry) => words(entry.name));
  // Each word, its one-letter deletions (a typo), and for long words its first three letters (two typos: "Patryk", "Patrick").
  const keysOf = (word: string) =>
    word.length < 4 || word.length > 40 ? [word] : [word, ...Array.from(word, (_letter, at) => word.slice(0, at) + word.slice(at + 1)), ...(word.length >= 6 ? [`^${word.slice(0, 3)}`] : [])];
  entryWords.forEach((list, index) => {
    for (const word of list) {
      for (const key of keysOf(word)) {
        const bucket = byKey.get(key) ?? [];
        if (bucket.at(-1) !== index && bucket.length < maxCandidates) bucket.push(index);
        byKey.set(key, bucket);
      }
    }
  });
  return {
    find(name: string): { id: string; name: string } | null {
      const nameWords = words(name).slice(0, 4);
      if (nameWords.length === 0) return null;
      const candidates = new Set<number>();
      for (const key of keysOf(nameWords[0]!)) for (const index of byKey.get(key) ?? []) candidates.add(index);
      let best: { index: number; score: number } | null = null;
      for (const index of candidates) {
        const list = entryWords[index]!;
        if (!nameWords.every((word) => list.some((other) => isNearWord(word, other)))) continue;
        const score = nameWords.filter((word) => list.includes(word)).length * 2 - list.length * 0.01;
        if (!best || score > best.score) best = { index, score };
      }
      return best ? entries[best.index]! : null;
    },
  };
}
