import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Segment, Transcript } from '../transcript/transcript.schema.ts';
import { segmentPlainText } from '../transcript/turn-plain-text.ts';
import { groupNotesByTurn, indexSpeakers, listRecordFacts } from './export-options.ts';
import type { ExportOptions } from './export-options.ts';
import { formatClock } from './write-plain-text.ts';
import { fixZipDates } from './fix-zip-dates.ts';

const w3cDateTime = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

// XML 1.0 has no way to write these, even escaped: a file holding one will not open in Word.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const notXmlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML character data or attribute value: characters XML forbids dropped, markup escaped. */
function escapeXml(text: string): string {
  return text.replace(notXmlCharacters, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * docProps/core.xml written by us: docx stamps created/modified with the current time, so ours carries
 * only what the caller passed (approvedAt as both dates, or no dates at all).
 */
function coreProperties(transcript: Transcript, options: ExportOptions): string {
  const element = (name: string, value: string | number | null | undefined, attributes = '') =>
    value === null || value === undefined || value === '' ? '' : `<${name}${attributes}>${escapeXml(String(value))}</${name}>`;
  const date = options.approvedAt && w3cDateTime.test(options.approvedAt) ? options.approvedAt : null;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', transcript.metadata.title),
    element('dc:creator', 'Verity'),
    element('dc:description', options.hash ? `SHA-256 ${options.hash}` : null),
    element('cp:lastModifiedBy', options.approvedBy),
    element('cp:revision', options.version),
    element('dcterms:created', date, ' xsi:type="dcterms:W3CDTF"'),
    element('dcterms:modified', date, ' xsi:type="dcterms:W3CDTF"'),
    '</cp:coreProperties>',
  ].join('');
}

/** Runs for a segment: events italic, uncertain spans highlighted with their marker kept. */
function segmentRuns(segment: Segment, text: string): TextRun {
  if (segment.type === 'event') return new TextRun({ text, italics: true });
  if (segment.type === 'uncertain') return new TextRun({ text, highlight: 'yellow' });
  return new TextRun({ text });
}

/** A turn's paragraphs as lists of runs, split where the content has "\n". */
function turnParagraphs(content: readonly Segment[]): TextRun[][] {
  const paragraphs: TextRun[][] = [[]];
  for (const segment of content) {
    const parts = segment.type === 'text' ? segment.text.split('\n') : [segmentPlainText(segment)];
    parts.forEach((part, index) => {
      if (index > 0) paragraphs.push([]);
      if (part !== '') paragraphs[paragraphs.length - 1]?.push(segmentRuns(segment, part));
    });
  }
  return paragraphs;
}

/**
 * DOCX: a title block (title, event, venue, date, version, approver, hash), then one paragraph per
 * turn paragraph with the speaker's name in bold (after "[hh:mm:ss]" with `timecodes`), events italic, uncertain spans highlighted and notes
 * as italic paragraphs. Byte-identical for equal input: core dates and zip entry dates are fixed.
 */
export async function writeDocx(transcript: Transcript, options: ExportOptions = {}): Promise<Uint8Array> {
  const speakers = indexSpeakers(transcript);
  const notes = groupNotesByTurn(transcript);
  const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(transcript.metadata.title ?? 'Transcript')] })];
  for (const fact of listRecordFacts(transcript, options)) {
    children.push(new Paragraph({ children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] }));
  }
  children.push(...(notes.get('') ?? []).map(note));
  for (const turn of transcript.turns) {
    const name = turn.speakerId ? speakers.get(turn.speakerId)?.displayName : undefined;
    turnParagraphs(turn.content).forEach((runs, index) => {
      if (index > 0 && runs.length === 0) return;
      const label = name && index === 0 ? [new TextRun({ text: `${name}: `, bold: true })] : [];
      const stamp = options.timecodes && turn.start !== null && index === 0 ? [new TextRun({ text: `[${formatClock(turn.start)}] `, color: '666666' })] : [];
      children.push(new Paragraph({ spacing: { before: index === 0 ? 160 : 0 }, children: [...stamp, ...label, ...runs] }));
    });
    children.push(...(notes.get(turn.id) ?? []).map(note));
  }
  const document = new Document({ title: transcript.metadata.title ?? 'Transcript', creator: 'Verity', sections: [{ children }] });
  const bytes = await Packer.pack(document, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(transcript, options) }]);
  return fixZipDates(bytes);
}
