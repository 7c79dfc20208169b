import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import { parseInlineSegments } from '../transcript/parse-inline-segments.ts';
import { splitLabelledLine } from '../transcript/parse-speaker-label.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { extractHeaderMetadata } from './extract-header-metadata.ts';
import { formatBoilerplate, isSeparatorLine } from './format-boilerplate.ts';

const footerStart = /^(?:contact information|contact us)$/i;
const closingNote = /^(?:adjourned|recess(?:ed)?|(?:the )?(?:session|meeting) (?:is )?(?:adjourned|closed|concluded|ended)|end of (?:the )?(?:session|transcript|meeting))\.?$/i;
const whitespace = /\s/;

/**
 * Splits a line before every ">>" that follows whitespace and is followed by whitespace (raw CART
 * without line breaks), dropping the whitespace before it: what split(/\s+(?=>>\s)/) did, but in one
 * pass; that regex retried "\s+" from every position of a long blank run.
 */
function splitInlineTurns(line: string): string[] {
  const pieces: string[] = [];
  let pieceStart = 0;
  for (let mark = line.indexOf('>>', 1); mark !== -1; mark = line.indexOf('>>', mark + 1)) {
    if (!whitespace.test(line.charAt(mark + 2)) || !whitespace.test(line.charAt(mark - 1))) continue;
    let cut = mark - 1;
    // The blank run before this mark ends where the previous piece began at the latest, so runs are walked once.
    while (cut > pieceStart && whitespace.test(line.charAt(cut - 1))) cut--;
    pieces.push(line.slice(pieceStart, cut));
    pieceStart = mark;
  }
  pieces.push(line.slice(pieceStart));
  return pieces;
}

/** Whether a line outside any speaker's words is a stage note: "(The session concluded at 13:10.)", "Adjourned." */
function isStageNote(line: string): boolean {
  if (closingNote.test(line)) return true;
  if (!line.startsWith('(') || line.indexOf(')') !== line.length - 1) return false;
  const segments = parseInlineSegments(line);
  return segments.length === 1 && segments[0]?.type === 'text';
}

/** ">> [hh:mm:ss] LABEL: …": the timecode Verity's CART export writes with timecodes (writeCart). */
export const turnTimecode = /^\[(\d{2,}):([0-5]\d):([0-5]\d)\](?:\s+|$)/;

function startTurn(builder: TranscriptBuilder, line: string): void {
  let rest = line.replace(/^>+\s*/, '');
  const stamp = turnTimecode.exec(rest);
  // Hours are bounded so a forged stamp cannot make a start the schema refuses (at most about 11 days).
  const start = stamp && stamp[1]!.length <= 3 ? Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]) : null;
  if (start !== null) rest = rest.slice(stamp![0].length);
  const labelled = splitLabelledLine(rest, { allowLowercase: true });
  if (labelled) {
    builder.startTurn(builder.speakerFor(labelled.speaker), start);
    if (labelled.rest !== '') builder.addParagraph(labelled.rest);
  } else {
    builder.startTurn(null, start);
    if (rest !== '') builder.addParagraph(rest);
  }
}

/**
 * Reads CART text as published by IGF: boilerplate header, ">> NAME:" or bare ">>" turns (indented or
 * not, one paragraph per line), stage notes, then a "Contact Information" footer.
 */
export function parseCart(text: string): Transcript {
  const builder = new TranscriptBuilder();
  const headerLines: string[] = [];
  const footerLines: string[] = [];
  let phase: 'header' | 'body' | 'footer' = 'header';
  for (const rawLine of text.split('\n')) {
    const trimmed = rawLine.trim();
    const lines = trimmed.includes('>>', 1) ? splitInlineTurns(trimmed) : [trimmed];
    for (const line of lines) {
      if (phase === 'footer') {
        footerLines.push(line);
      } else if (line.startsWith('>>')) {
        phase = 'body';
        startTurn(builder, line);
      } else if (phase === 'header') {
        headerLines.push(line);
      } else if (line === '' || isSeparatorLine(line)) {
        continue;
      } else if (footerStart.test(line)) {
        phase = 'footer';
        footerLines.push(line);
      } else if (isStageNote(line)) {
        builder.addNote(line);
      } else if (builder.isAfterNote) {
        // Words after a note belong to nobody we know; never glue them onto the turn before the note.
        builder.startTurn(null);
        builder.addParagraph(line);
      } else {
        builder.addParagraph(line);
      }
    }
  }
  if (phase === 'header') throw new AppError('malformed_file', 'No ">>" speaker turns were found, so this is not a CART transcript.');
  const metadata = { ...emptyMetadata(), ...extractHeaderMetadata(headerLines.filter((line) => line !== '')) };
  metadata.header = formatBoilerplate(headerLines);
  metadata.footer = formatBoilerplate(footerLines);
  metadata.sourceFormat = 'cart';
  return builder.build(metadata);
}
