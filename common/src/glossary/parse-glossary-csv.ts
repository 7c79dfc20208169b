import { glossaryLimits, glossaryTermInputSchema, misrecognitionSeparator, type GlossaryTermInput } from '../api/glossary.schemas.ts';
import { readCsvRows } from './read-csv-rows.ts';

/**
 * A term list from a CSV file: UTF-8 (a BOM is allowed), a header row naming the columns `term`,
 * `misrecognitions` (several, separated by `|`) and optionally `note`, in any order, then one term a
 * row. Everything is checked before anything is kept: the first problem is the answer, with its line.
 * A leading apostrophe before = + - @ tab or CR is the one our export adds against formula injection,
 * and is removed again, so export then import gives back the same list.
 */

export type GlossaryCsvResult = { ok: true; terms: GlossaryTermInput[] } | { ok: false; message: string };

const columns = ['term', 'misrecognitions', 'note'] as const;
const formulaStart = /^'[=+\-@\t\r]/;

/** Reads the bytes of an uploaded CSV; refuses other encodings, oversized files and malformed rows. */
export function parseGlossaryCsv(bytes: Uint8Array): GlossaryCsvResult {
  if (bytes.length > glossaryLimits.csvBytes) return { ok: false, message: `The file is larger than ${glossaryLimits.csvBytes / 1024} KB.` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'The file is UTF-16 text; save it as “CSV UTF-8” and import that.' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text (it may be Latin-1 or Windows-1252); save it as “CSV UTF-8” and import that.' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'The file is not a text file.' };
  const read = readCsvRows(text, { maxRows: glossaryLimits.termsPerList + 1 });
  if (!read.ok) return read;
  const [header, ...rows] = read.rows;
  if (!header) return { ok: false, message: 'The file is empty: it needs a header row (term,misrecognitions,note) and a row per term.' };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = names.find((name) => !(columns as readonly string[]).includes(name));
  if (unknown !== undefined) return { ok: false, message: `Line 1: unknown column “${unknown.slice(0, 40)}”; the columns are term, misrecognitions and note.` };
  if (new Set(names).size !== names.length) return { ok: false, message: 'Line 1: a column is named twice.' };
  const at = (name: string) => names.indexOf(name);
  if (at('term') < 0 || at('misrecognitions') < 0) return { ok: false, message: 'Line 1: the header must name the columns term and misrecognitions (and optionally note).' };

  const terms: GlossaryTermInput[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.fields.length !== names.length) return { ok: false, message: `Line ${row.line}: ${row.fields.length} fields where the header has ${names.length}.` };
    const cell = (name: string) => (at(name) < 0 ? '' : unescapeFormula(row.fields[at(name)]!));
    const parsed = glossaryTermInputSchema.safeParse({
      term: cell('term'),
      misrecognitions: cell('misrecognitions').split(misrecognitionSeparator).map((value) => value.trim()).filter((value) => value !== ''),
      note: cell('note'),
    });
    if (!parsed.success) return { ok: false, message: `Line ${row.line}: ${parsed.error.issues[0]!.message}.` };
    const key = parsed.data.term.toLowerCase();
    if (seen.has(key)) return { ok: false, message: `Line ${row.line}: the term “${parsed.data.term}” is listed twice.` };
    seen.add(key);
    terms.push(parsed.data);
  }
  return { ok: true, terms };
}

function unescapeFormula(value: string): string {
  return formulaStart.test(value) ? value.slice(1) : value;
}
