import { turnPlainText } from '../transcript/turn-plain-text.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { groupNotesByTurn, indexSpeakers } from './export-options.ts';
import type { ExportOptions } from './export-options.ts';

/** Seconds as "hh:mm:ss", rounded down: the precision a reader of a text transcript needs. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}

/**
 * Plain text: "Name: words" per turn (display names; unattributed turns without a name), further
 * paragraphs on their own lines, a blank line between turns, notes on their own lines. With
 * `timecodes`, turns with a start time begin "[hh:mm:ss] ". No title block: it is just the record.
 */
export function writePlainText(transcript: Transcript, options: ExportOptions = {}): string {
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const blocks: string[] = [...(notes.get('') ?? [])];
  for (const turn of transcript.turns) {
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    const stamp = options.timecodes && turn.start !== null ? `[${formatClock(turn.start)}] ` : '';
    const text = turnPlainText(turn);
    blocks.push(`${stamp}${name ? `${name}:${text === '' || text.startsWith('\n') ? '' : ' '}` : ''}${text}`);
    blocks.push(...(notes.get(turn.id) ?? []));
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}
