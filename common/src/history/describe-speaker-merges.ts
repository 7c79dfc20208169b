import type { Speaker } from '../transcript/transcript.schema.ts';
import type { TurnChange } from './compare-transcripts.ts';
import { quoteWords } from './describe-turn-change.ts';

/**
 * "merged speaker ‘MANON VAN TIEHOVEN’ into ‘MANON VAN TIENHOVEN’ (3 turns)": a speaker who left the
 * roster while all their turns went to one other speaker, as a merge does it, reads as one phrase
 * instead of a reassignment per turn and a removal. A turn joins when its speaker is all that changed.
 * `merged` are the ids of the speakers described, `grouped` the changes, both left out by the caller.
 */
export function describeSpeakerMerges(changes: readonly TurnChange[], removed: readonly Speaker[]): { phrases: string[]; merged: Set<string>; grouped: Set<TurnChange> } {
  const phrases: string[] = [];
  const merged = new Set<string>();
  const grouped = new Set<TurnChange>();
  for (const speaker of removed) {
    const moved = changes.filter((change) => change.isSpeakerChanged && change.fromSpeaker?.id === speaker.id);
    const targets = new Set(moved.map((change) => change.toSpeaker?.id ?? null));
    const target = moved[0]?.toSpeaker;
    if (moved.length === 0 || targets.size !== 1 || !target?.id) continue;
    if (!moved.every((change) => change.kind === 'changed' && isOnlySpeaker(change))) continue;
    phrases.push(`merged speaker ${quoteWords(speaker.label || speaker.displayName)} into ${quoteWords(target.name)} (${moved.length} turn${moved.length === 1 ? '' : 's'})`);
    merged.add(speaker.id);
    for (const change of moved) grouped.add(change);
  }
  return { phrases, merged, grouped };
}

function isOnlySpeaker(change: TurnChange): boolean {
  const isWordsSame = change.parts.every((part) => part.type === 'equal');
  return isWordsSame && !change.isTimingChanged && change.uncertainAdded.length + change.uncertainResolved.length + change.eventsAdded.length + change.eventsRemoved.length === 0;
}
