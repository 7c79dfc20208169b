import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import { splitLabelledLine } from '../transcript/parse-speaker-label.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { parseCueTimestamp } from './parse-cue-timing.ts';

// An optional "[00:01:02]" or "00:01:02.5" before the speaker's name gives the turn's start.
const leadingTimestamp = /^\[?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?\s+/;

/** Reads "Name: words" lines; unnamed lines continue the previous turn (or start an unattributed one). */
export function parsePlainText(text: string): Transcript {
  const builder = new TranscriptBuilder();
  for (const rawLine of text.split('\n')) {
    let line = rawLine.trim();
    if (line === '') continue;
    let start: number | null = null;
    const stamp = leadingTimestamp.exec(line);
    if (stamp?.[1]) {
      start = parseCueTimestamp(stamp[1].includes('.') || stamp[1].includes(',') ? stamp[1] : `${stamp[1]}.0`);
      line = line.slice(stamp[0].length);
    }
    const labelled = splitLabelledLine(line);
    if (labelled) {
      builder.startTurn(builder.speakerFor(labelled.speaker), start);
      if (labelled.rest !== '') builder.addParagraph(labelled.rest);
    } else {
      if (start !== null) builder.startTurn(builder.currentTurn?.speakerId ?? null, start);
      builder.addParagraph(line);
    }
  }
  return builder.build({ ...emptyMetadata(), sourceFormat: 'text' });
}
