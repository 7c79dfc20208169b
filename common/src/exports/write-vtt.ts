import type { Transcript } from '../transcript/transcript.schema.ts';
import { groupNotesByTurn, indexSpeakers } from './export-options.ts';
import { assertTimed, formatCueTime, splitIntoCues, toSingleLine } from './split-cues.ts';

/** Cue text for WebVTT: "&" and "<" would start an entity or a tag, and "-->" is not allowed in a cue. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/-->/g, '--&gt;');
}

/** NOTE text on one line (a blank line would end the block and start a cue), without "-->". */
function noteBlock(text: string): string {
  return `NOTE ${toSingleLine(text).replace(/-->/g, '-- >')}`;
}

/**
 * WebVTT: the title on the WEBVTT line, a Language header when known, cues cut as splitIntoCues
 * describes with a <v Name> voice tag on every cue of a named turn (">>" opens an unattributed turn),
 * and stage notes as NOTE blocks in their place.
 */
export function writeVtt(transcript: Transcript): string {
  assertTimed(transcript, 'WebVTT');
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const { title, language } = transcript.metadata;
  // Header values on one line each: a line ending would add a header or, after a blank line, a cue.
  const blocks = [`WEBVTT${title ? ` - ${toSingleLine(title).replace(/-->/g, '-- >')}` : ''}${language ? `\nLanguage: ${toSingleLine(language).replace(/-->/g, '-- >')}` : ''}`];
  blocks.push(...(notes.get('') ?? []).map(noteBlock));
  const cues = splitIntoCues(transcript, (turn) => (turn.speakerId ? '' : '>>'));
  cues.forEach((cue, index) => {
    const name = cue.turn.speakerId ? speakers.get(cue.turn.speakerId)?.displayName : undefined;
    const voice = name ? `<v ${escapeCueText(toSingleLine(name)).replace(/>/g, '&gt;')}>` : '';
    const [first = '', ...rest] = cue.lines.map(escapeCueText);
    blocks.push([`${formatCueTime(cue.startMs, '.')} --> ${formatCueTime(cue.endMs, '.')}`, voice + first, ...rest].join('\n'));
    const isLastOfTurn = cues[index + 1]?.turn !== cue.turn;
    if (isLastOfTurn) blocks.push(...(notes.get(cue.turn.id) ?? []).map(noteBlock));
  });
  return `${blocks.join('\n\n')}\n`;
}
