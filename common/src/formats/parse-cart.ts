import { AppError } from '../errors.ts';
import { TranscriptBuilder, emptyMetadata } from '../transcript/build-transcript.ts';
import { parseInlineSegments } from '../transcript/parse-inline-segments.ts';
import { splitLabelledLine } from '../transcript/parse-speaker-label.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { extractHeaderMetadata } from './extract-header-metadata.ts';
import { formatBoilerplate, isSeparatorLine } from './format-boilerplate.ts';

const footerStart = /^(?:contact information|contact us)$/i;
const closingNote = /^(?:adjourned|recess(?:ed)?|(?:the )?(?:session|meeting) (?:is )?(?:adjourned|closed|concluded|ended)|end of (?:the )?(?:session|transcript|meeting))\.?$/i;
// A ">>" inside a line (raw CART without line breaks) also starts a turn.
const inlineTurnMark = /\s+(?=>>\s)/;

/** Whether a line outside any speaker's words is a stage note: "(The session concluded at 13:10.)", "Adjourned." */
function isStageNote(line: string): boolean {
  if (closingNote.test(line)) return true;
  if (!line.startsWith('(') || line.indexOf(')') !== line.length - 1) return false;
  const segments = parseInlineSegments(line);
  return segments.length === 1 && segments[0]?.type === 'text';
}

function startTurn(builder: TranscriptBuilder, line: string): void {
  const rest = line.replace(/^>+\s*/, '');
  const labelled = splitLabelledLine(rest, { allowLowercase: true });
  if (labelled) {
    builder.startTurn(builder.speakerFor(labelled.speaker));
    if (labelled.rest !== '') builder.addParagraph(labelled.rest);
  } else {
    builder.startTurn(null);
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
    const lines = trimmed.includes('>>', 1) ? trimmed.split(inlineTurnMark) : [trimmed];
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
