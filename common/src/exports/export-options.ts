import type { Transcript } from '../transcript/transcript.schema.ts';

/** What a caller may add to an export; nothing here is read from the clock, so output is reproducible. */
export interface ExportOptions {
  /** The approved version number, written as "Version: 3". */
  version?: number;
  approvedBy?: string;
  /** ISO 8601 timestamp of the approval, written as given (DOCX also uses it for its core dates). */
  approvedAt?: string;
  /** SHA-256 hex of the canonical transcript (see docs/canonical-form.md), written as a reference. */
  hash?: string;
  /** CART, plain text, Markdown and DOCX: prefix each turn that has a start time with "[hh:mm:ss]". */
  timecodes?: boolean;
  /** Verity JSON: SHA-256 hex of the recording the text was timed and checked against (null: none). */
  recordingSha256?: string | null;
}

/** One labelled line of a title block. */
export interface RecordFact {
  label: string;
  value: string;
}

/** The title-block facts in a fixed order (title excluded): event, venue, date, language, version, approval, hash. */
export function listRecordFacts(transcript: Transcript, options: ExportOptions = {}): RecordFact[] {
  const { metadata } = transcript;
  const facts: [string, string | number | null | undefined][] = [
    ['Event', metadata.event],
    ['Venue', metadata.venue],
    ['Date', metadata.date],
    ['Language', metadata.language],
    ['Version', options.version],
    ['Approved by', options.approvedBy],
    ['Approved at', options.approvedAt],
    ['SHA-256', options.hash],
  ];
  return facts.filter((fact): fact is [string, string | number] => fact[1] !== null && fact[1] !== undefined && fact[1] !== '').map(([label, value]) => ({ label, value: String(value) }));
}

/** Notes grouped by the turn they follow ('' for notes before the first turn), in document order. */
export function groupNotesByTurn(transcript: Transcript): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const note of transcript.notes) {
    const key = note.afterTurnId ?? '';
    notes.set(key, [...(notes.get(key) ?? []), note.text]);
  }
  return notes;
}

/** Speaker lookup by id. */
export function indexSpeakers(transcript: Transcript): Map<string, Transcript['speakers'][number]> {
  return new Map(transcript.speakers.map((speaker) => [speaker.id, speaker]));
}
