import type { TranscriptBuilder } from '../transcript/build-transcript.ts';
import { parseSpeakerLabel, splitLabelledLine } from '../transcript/parse-speaker-label.ts';

/** One line of a cue's text, markup already read: plain words plus the voice span they are in, if any. */
export interface CueLine {
  text: string;
  /** The name of the WebVTT voice span (<v Name>) the line is in ('' for a <v> without a name). */
  voice?: string;
  /** Whether this line is where that voice starts speaking (a <v> tag, or back to it after another voice). */
  isVoiceStart?: boolean;
}

/** One caption cue: its times and its text lines. */
export interface Cue {
  start: number;
  end: number;
  lines: CueLine[];
}

interface Piece {
  /** undefined: no marker, the previous speaker goes on; null: an explicit but unnamed change (">>", <v>). */
  label: string | undefined | null;
  text: string;
}

function readMarkers(line: CueLine): Piece {
  // Form feed and vertical tab (old caption encoders) lay text out; in a turn they are spaces.
  let text = line.text.replace(/[\v\f]+/g, ' ').trim();
  // Inside a voice span the voice says who speaks; "NAME:" or ">>" there are words.
  if (line.voice !== undefined) return { label: line.isVoiceStart ? line.voice.trim() || null : undefined, text };
  let label: Piece['label'];
  // ">>" (CART) and "- " (the dialogue dash Verity's SRT writes) open a new speaker, named or not.
  const isMarked = text.startsWith('>>') || /^-[ \t]/.test(text);
  if (isMarked) {
    text = text.replace(/^(?:>+|-)\s*/, '');
    label = null;
  }
  const labelled = splitLabelledLine(text, { allowLowercase: isMarked });
  if (labelled) {
    label = labelled.speaker.label;
    text = labelled.rest;
  }
  return { label, text };
}

function splitCueIntoPieces(lines: readonly CueLine[]): Piece[] {
  // Words are collected per piece and joined once: re-joining a growing string per line is quadratic.
  const pieces: { label: Piece['label']; words: string[] }[] = [];
  for (const line of lines) {
    const piece = readMarkers(line);
    const previous = pieces[pieces.length - 1];
    if (piece.label === undefined && previous) previous.words.push(piece.text);
    else pieces.push({ label: piece.label, words: [piece.text] });
  }
  return pieces.map(({ label, words }) => ({ label, text: words.filter((word) => word !== '').join(' ') }));
}

/**
 * Turns caption cues into turns: a speaker marker (<v Name>, ">> NAME:", "NAME:") starts a new speaker,
 * unmarked cues continue the previous one, and consecutive cues of one speaker join when asked.
 */
export function buildCueTurns(builder: TranscriptBuilder, cues: readonly Cue[], joinConsecutiveCues: boolean): void {
  for (const cue of cues) {
    splitCueIntoPieces(cue.lines).forEach((piece, index) => {
      const current = builder.currentTurn;
      const parsed = piece.label ? (parseSpeakerLabel(piece.label) ?? { label: piece.label, name: piece.label, affiliation: null }) : null;
      const speakerId = parsed ? builder.speakerFor(parsed) : piece.label === null ? null : (current?.speakerId ?? null);
      const isSameSpeaker = current !== undefined && current.speakerId === speakerId && piece.label !== null;
      const canJoin = isSameSpeaker && (joinConsecutiveCues || index > 0);
      if (canJoin && current) {
        if (piece.text !== '') builder.appendToParagraph(piece.text);
        current.end = Math.max(current.end ?? cue.end, cue.end);
      } else {
        builder.startTurn(speakerId, cue.start, cue.end);
        if (piece.text !== '') builder.addParagraph(piece.text);
      }
    });
  }
}
