import type { TranscriptBuilder } from '../transcript/build-transcript.ts';
import { parseSpeakerLabel, splitLabelledLine } from '../transcript/parse-speaker-label.ts';

/** One caption cue with its text lines, tags still in place. */
export interface Cue {
  start: number;
  end: number;
  lines: string[];
}

interface Piece {
  /** undefined: no marker, the previous speaker goes on; null: an explicit but unnamed change (">>"). */
  label: string | undefined | null;
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"', apos: "'", lrm: '\u200e', rlm: '\u200f' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);/g, (_match, name: string) => entities[name] ?? '');
}

function stripTags(text: string): string {
  // HTML-like tags (<i>, <c.yellow>, <00:01.000>) and SSA overrides ({\an8}) are styling, not words.
  return decodeEntities(text.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '')).trim();
}

function splitCueIntoPieces(lines: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const line of lines) {
    const voice = /^\s*<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/.exec(line);
    let label: Piece['label'] = voice ? (voice[1]?.trim() ?? null) : undefined;
    let text = stripTags(voice ? line.slice(voice[0].length) : line);
    const isMarked = text.startsWith('>>');
    if (isMarked) {
      text = text.replace(/^>+\s*/, '');
      label ??= null;
    }
    const labelled = splitLabelledLine(text, { allowLowercase: isMarked });
    if (labelled) {
      label = labelled.speaker.label;
      text = labelled.rest;
    }
    const previous = pieces[pieces.length - 1];
    if (label === undefined && previous) previous.text = previous.text === '' ? text : `${previous.text} ${text}`.trim();
    else pieces.push({ label, text });
  }
  return pieces;
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
