import type { Transcript } from '../transcript/transcript.schema.ts';
import { indexSpeakers } from './export-options.ts';
import { assertTimed, formatCueTime, splitIntoCues } from './split-cues.ts';

/**
 * SRT: numbered cues cut as splitIntoCues describes; a change of speaker is marked "- " at the start
 * of the new speaker's first line, with the name ("- Ana Lopez: …") so the file still says who spoke.
 * Every unattributed turn counts as a change (CART's ">>"). Notes have no place in SRT.
 */
export function writeSrt(transcript: Transcript): string {
  assertTimed(transcript, 'SRT');
  const speakers = indexSpeakers(transcript);
  const cues = splitIntoCues(transcript, (turn, index) => {
    const previous = transcript.turns[index - 1];
    if (previous && turn.speakerId !== null && previous.speakerId === turn.speakerId) return '';
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    return name ? `- ${name}:` : '-';
  });
  return cues.map((cue, index) => `${index + 1}\n${formatCueTime(cue.startMs, ',')} --> ${formatCueTime(cue.endMs, ',')}\n${cue.lines.join('\n')}\n`).join('\n');
}
