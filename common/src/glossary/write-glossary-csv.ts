import { misrecognitionSeparator, type GlossaryTermInput } from '../api/glossary.schemas.ts';

/**
 * A term list as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads the accents), CRLF line ends,
 * a header row, RFC 4180 quoting. A cell starting with = + - @ tab or CR gets a leading apostrophe, so
 * a spreadsheet shows it as text instead of running it as a formula (CSV injection); the importer
 * removes that apostrophe again.
 */
export function writeGlossaryCsv(terms: readonly GlossaryTermInput[]): string {
  const rows = [['term', 'misrecognitions', 'note'], ...terms.map((term) => [term.term, term.misrecognitions.join(misrecognitionSeparator), term.note])];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** One cell: neutralised against formulas, then quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
