import { turnTimecode } from '../formats/parse-cart.ts';
import { parseSpeakerLabel, splitLabelledLine } from '../transcript/parse-speaker-label.ts';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import type { Speaker, Transcript } from '../transcript/transcript.schema.ts';
import { groupNotesByTurn, indexSpeakers, listRecordFacts } from './export-options.ts';
import type { ExportOptions } from './export-options.ts';
import { formatClock } from './write-plain-text.ts';

/**
 * The label written after ">>": the label as the captioner wrote it, so CART → Verity → CART keeps
 * every speaker exactly; a label the CART reader would not take for a name falls back to the display
 * name upper-cased.
 */
export function cartSpeakerLabel(speaker: Speaker): string {
  const isReadable = speaker.label !== '' && !speaker.label.includes(':') && parseSpeakerLabel(speaker.label, { allowLowercase: true }) !== null;
  return isReadable ? speaker.label : speaker.displayName.toUpperCase();
}

/** The header block: "Title: …" and the record facts, one per line; empty when nothing is known. */
function headerLines(transcript: Transcript, options: ExportOptions, leadingNotes: readonly string[]): string[] {
  const lines = [
    ...(transcript.metadata.title ? [`Title: ${transcript.metadata.title}`] : []),
    ...listRecordFacts(transcript, options).map((fact) => `${fact.label}: ${fact.value}`),
  ];
  // CART has no place for a note before the first ">>": it can only stand in the header.
  if (leadingNotes.length > 0) lines.push(...(lines.length > 0 ? [''] : []), ...leadingNotes);
  return lines;
}

/**
 * CART text in the IGF style: a header block, then ">> LABEL: words" turns (">> words" unattributed),
 * one paragraph per line, events that stood alone on their own lines, uncertain spans with their
 * markers, stage notes on their own lines. With `timecodes`, a timed turn opens ">> [hh:mm:ss] LABEL:"
 * (the marker stays first for CART tools). parseTranscript reads it back to the same turns (and starts).
 */
export function writeCart(transcript: Transcript, options: ExportOptions = {}): string {
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const blocks: string[] = [];
  const header = headerLines(transcript, options, notes.get('') ?? []);
  if (header.length > 0) blocks.push(header.join('\n'));
  for (const turn of transcript.turns) {
    const speaker = turn.speakerId ? speakers.get(turn.speakerId) : undefined;
    const [first = '', ...rest] = turnPlainText(turn).split('\n');
    const mark = options.timecodes && turn.start !== null ? `>> [${formatClock(turn.start)}]` : '>>';
    let opening: string;
    if (speaker) opening = first === '' ? `${mark} ${cartSpeakerLabel(speaker)}:` : `${mark} ${cartSpeakerLabel(speaker)}: ${first}`;
    // Unattributed words that read like "Name: …" (or a timecode) go on the next line, where no label is looked for.
    else if (first !== '' && (splitLabelledLine(first, { allowLowercase: true }) !== null || turnTimecode.test(first))) opening = `${mark}\n${first}`;
    else opening = first === '' ? mark : `${mark} ${first}`;
    blocks.push([opening, ...rest].join('\n'));
    const after = notes.get(turn.id);
    if (after) blocks.push(after.join('\n'));
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}
