import type { Transcript } from '../transcript/transcript.schema.ts';
import { groupNotesByTurn, indexSpeakers } from './export-options.ts';
import { assertTimed, formatCueTime, splitIntoCues } from './split-cues.ts';

/** Cue text for WebVTT: "&" and "<" would start an entity or a tag. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** NOTE text must not contain "-->", which would end the block for a reader. */
function noteBlock(text: string): string {
  return `NOTE ${text.replace(/-->/g, '-- >')}`;
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
  const blocks = [`WEBVTT${title ? ` - ${title.replace(/\n/g, ' ')}` : ''}${language ? `\nLanguage: ${language}` : ''}`];
  blocks.push(...(notes.get('') ?? []).map(noteBlock));
  const cues = splitIntoCues(transcript, (turn) => (turn.speakerId ? '' : '>>'));
  cues.forEach((cue, index) => {
    const name = cue.turn.speakerId ? speakers.get(cue.turn.speakerId)?.displayName : undefined;
    const voice = name ? `<v ${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}>` : '';
    const [first = '', ...rest] = cue.lines.map(escapeCueText);
    blocks.push([`${formatCueTime(cue.startMs, '.')} --> ${formatCueTime(cue.endMs, '.')}`, voice + first, ...rest].join('\n'));
    const isLastOfTurn = cues[index + 1]?.turn !== cue.turn;
    if (isLastOfTurn) blocks.push(...(notes.get(cue.turn.id) ?? []).map(noteBlock));
  });
  return `${blocks.join('\n\n')}\n`;
}
