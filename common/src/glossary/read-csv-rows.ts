/**
 * RFC 4180 records from text: fields separated by commas, records by CRLF or LF (a lone CR too), a
 * field in double quotes may hold commas, line breaks and doubled quotes. One pass, no regex, so the
 * work is linear in the input. A quote inside an unquoted field, text after a closing quote or a quote
 * left open is an error naming the line, never a guess.
 */

/** One record and the line (1-based) it starts on, for error messages. */
export interface CsvRow {
  line: number;
  fields: string[];
}

export type CsvRowsResult = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

/** Parses `text` (already decoded, without a BOM) into records; stops at `maxRows` records with an error. */
export function readCsvRows(text: string, options: { maxRows: number }): CsvRowsResult {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let isQuoted = false;
  let wasQuoted = false;
  let index = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): string | null => {
    endField();
    // A blank line is no record (a trailing newline, a spacer line).
    if (!(fields.length === 1 && fields[0] === '' )) rows.push({ line: rowLine, fields });
    fields = [];
    if (rows.length > options.maxRows) return `The file has more than ${options.maxRows} rows.`;
    return null;
  };
  while (index < text.length) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        isQuoted = false;
        wasQuoted = true;
        index++;
        continue;
      }
      if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
      field += char;
      index++;
      continue;
    }
    if (char === ',') {
      endField();
      index++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      const problem = endRow();
      if (problem) return { ok: false, message: problem };
      line++;
      rowLine = line;
      continue;
    }
    if (wasQuoted) return { ok: false, message: `Line ${line}: text after a closing quote (put the whole field in quotes, and double any quote inside it).` };
    if (char === '"') {
      if (field !== '') return { ok: false, message: `Line ${line}: a quote inside an unquoted field (put the whole field in quotes, and double any quote inside it).` };
      isQuoted = true;
      index++;
      continue;
    }
    field += char;
    index++;
  }
  if (isQuoted) return { ok: false, message: `Line ${rowLine}: a quoted field is never closed.` };
  if (field !== '' || fields.length > 0 || wasQuoted) {
    const problem = endRow();
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, rows };
}
