import type { Transcript } from '../transcript/transcript.schema.ts';
import { indexSpeakers } from './export-options.ts';
import { assertTimed, formatCueTime, splitIntoCues } from './split-cues.ts';

/**
 * SRT: numbered cues cut as splitIntoCues describes; each turn's first cue starts ">> Name:" (">>"
 * when unattributed), the caption convention for a change of speaker. Notes have no place in SRT.
 */
export function writeSrt(transcript: Transcript): string {
  assertTimed(transcript, 'SRT');
  const speakers = indexSpeakers(transcript);
  const cues = splitIntoCues(transcript, (turn) => {
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    return name ? `>> ${name}:` : '>>';
  });
  return cues.map((cue, index) => `${index + 1}\n${formatCueTime(cue.startMs, ',')} --> ${formatCueTime(cue.endMs, ',')}\n${cue.lines.join('\n')}\n`).join('\n');
}
