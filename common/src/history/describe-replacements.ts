import type { TurnChange } from './compare-transcripts.ts';
import { quoteWords, wordEdits } from './describe-turn-change.ts';

/** Turn numbers listed in a grouped phrase before "…". */
const listedTurns = 5;

/**
 * The same word replaced in several places reads as one change: "replaced ‘GAC’ with ‘GFCE’, 10 times
 * (turns 3, 5, 9, 12, 20…)", as a find & replace does it. A turn joins a group when all its word
 * edits replace exactly that text with that text and nothing else changed in it (speaker, uncertain
 * spans, events); a pair seen only once keeps its ordinary phrase. `grouped` are the changes the
 * phrases describe, which the caller leaves out of its per-turn phrases.
 */
export function describeRepeatedReplacements(changes: readonly TurnChange[]): { phrases: string[]; grouped: Set<TurnChange> } {
  const groups = new Map<string, { deleted: string; inserted: string; times: number; changes: TurnChange[] }>();
  for (const change of changes) {
    if (change.kind !== 'changed' || change.isSpeakerChanged) continue;
    if (change.uncertainAdded.length + change.uncertainResolved.length + change.eventsAdded.length + change.eventsRemoved.length > 0) continue;
    const edits = wordEdits(change).flatMap(wordByWord).map(trimSharedPunctuation);
    const first = edits[0];
    if (!first || !first.deleted || !first.inserted || edits.some((edit) => edit.deleted !== first.deleted || edit.inserted !== first.inserted)) continue;
    const key = `${first.deleted}\u0000${first.inserted}`;
    const group = groups.get(key) ?? { deleted: first.deleted, inserted: first.inserted, times: 0, changes: [] };
    group.times += edits.length;
    group.changes.push(change);
    groups.set(key, group);
  }
  const phrases: string[] = [];
  const grouped = new Set<TurnChange>();
  for (const group of groups.values()) {
    if (group.times < 2) continue;
    const numbers = group.changes.map((change) => change.number);
    const turns = numbers.length === 1 ? `turn ${numbers[0]}` : `turns ${numbers.slice(0, listedTurns).join(', ')}${numbers.length > listedTurns ? '…' : ''}`;
    phrases.push(`replaced ${quoteWords(group.deleted)} with ${quoteWords(group.inserted)}, ${group.times} times (${turns})`);
    for (const change of group.changes) grouped.add(change);
  }
  return { phrases, grouped };
}

/** "GAC, GAC" → "GFCE, GFCE" (neighbouring hits make one diff run) is two replacements of one word. */
function wordByWord(edit: { deleted: string; inserted: string }): { deleted: string; inserted: string }[] {
  const deleted = edit.deleted.split(' ');
  const inserted = edit.inserted.split(' ');
  if (deleted.length !== inserted.length || deleted.length === 1) return [edit];
  return deleted.map((word, index) => ({ deleted: word, inserted: inserted[index]! })).filter((pair) => pair.deleted !== pair.inserted);
}

const punctuation = /[^\p{L}\p{N}]/u;

/** "GAC," → "GFCE," is the replacement "GAC" → "GFCE": words are split at spaces, so punctuation sticks. */
function trimSharedPunctuation(edit: { deleted: string; inserted: string }): { deleted: string; inserted: string } {
  let { deleted, inserted } = edit;
  while (deleted.length > 1 && inserted.length > 1 && deleted.at(-1) === inserted.at(-1) && punctuation.test(deleted.at(-1)!)) {
    deleted = deleted.slice(0, -1);
    inserted = inserted.slice(0, -1);
  }
  while (deleted.length > 1 && inserted.length > 1 && deleted[0] === inserted[0] && punctuation.test(deleted[0]!)) {
    deleted = deleted.slice(1);
    inserted = inserted.slice(1);
  }
  return { deleted, inserted };
}
