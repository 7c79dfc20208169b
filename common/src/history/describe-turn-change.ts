import { formatClock } from '../exports/write-plain-text.ts';
import type { TurnChange } from './compare-transcripts.ts';

const quoteLimit = 40;

/** ‘words’ in typographic quotes, shortened in the middle of long runs. */
export function quoteWords(text: string): string {
  const shown = text.length > quoteLimit ? `${text.slice(0, quoteLimit - 1)}…` : text;
  return `‘${shown}’`;
}

/**
 * One plain-language phrase for a turn change, without a subject: "replaced ‘GAC’ with ‘GFCE’ in
 * turn 12", "reassigned turn 4 from PANELIST to KAJA CIGLICA". Used by the activity feed and the CLI.
 * Empty for the kept part of a split or merge whose words did not change.
 */
export function describeTurnChange(change: TurnChange): string {
  const where = `turn ${change.number}`;
  switch (change.kind) {
    case 'added':
      return `added ${where}${change.parts[0] ? ` (${quoteWords(change.parts[0].text)})` : ''}`;
    case 'removed':
      return `removed ${where}${change.parts[0] ? ` (${quoteWords(change.parts[0].text)})` : ''}`;
    case 'merged':
      return `merged ${where} into the turn before it`;
    case 'split': {
      const speaker = change.isSpeakerChanged && change.toSpeaker ? ` for ${change.toSpeaker.name}` : '';
      return `split ${where} off the turn before it${speaker}`;
    }
    case 'changed':
      break;
  }
  const phrases: string[] = [];
  if (change.isTimingChanged) phrases.push(describeTiming(change, where));
  if (change.isSpeakerChanged) phrases.push(`reassigned ${where} from ${change.fromSpeaker?.name ?? 'Unattributed'} to ${change.toSpeaker?.name ?? 'Unattributed'}`);
  const edits = wordEdits(change);
  if (edits.length === 1) {
    const [edit] = edits;
    if (edit!.deleted && edit!.inserted) phrases.push(`replaced ${quoteWords(edit!.deleted)} with ${quoteWords(edit!.inserted)} in ${where}`);
    else if (edit!.inserted) phrases.push(`inserted ${quoteWords(edit!.inserted)} in ${where}`);
    else phrases.push(`deleted ${quoteWords(edit!.deleted)} in ${where}`);
  } else if (edits.length > 1) {
    phrases.push(`made ${edits.length} corrections in ${where}`);
  }
  for (const span of change.uncertainResolved) phrases.push(`resolved ${quoteWords(span)} in ${where}`);
  for (const span of change.uncertainAdded) phrases.push(`marked ${quoteWords(span)} uncertain in ${where}`);
  for (const event of change.eventsAdded) phrases.push(`added the event ${quoteWords(event)} in ${where}`);
  for (const event of change.eventsRemoved) phrases.push(`removed the event ${quoteWords(event)} in ${where}`);
  // Empty when the turn only took part in a split or merge, which its partner's phrase already tells.
  return phrases.join('; ');
}

/** "timed turn 4 at 00:01:23", "retimed turn 4 from 00:01:20 to 00:01:23", "removed the time of turn 4". */
export function describeTiming(change: Pick<TurnChange, 'fromStart' | 'toStart'>, where: string): string {
  if (change.toStart === null) return `removed the time of ${where}`;
  if (change.fromStart === null) return `timed ${where} at ${formatClock(change.toStart)}`;
  return `retimed ${where} from ${formatClock(change.fromStart)} to ${formatClock(change.toStart)}`;
}

/** The runs of a change's word diff: each a deletion, an insertion, or both (a replacement). */
export function wordEdits(change: Pick<TurnChange, 'parts'>): { deleted: string; inserted: string }[] {
  const edits: { deleted: string; inserted: string }[] = [];
  let current: { deleted: string; inserted: string } | null = null;
  for (const part of change.parts) {
    if (part.type === 'equal') {
      current = null;
      continue;
    }
    if (!current) {
      current = { deleted: '', inserted: '' };
      edits.push(current);
    }
    if (part.type === 'delete') current.deleted = part.text;
    else current.inserted = part.text;
  }
  return edits;
}
