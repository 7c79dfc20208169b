import { describe, expect, it } from 'vitest';
import { glossaryLimits, type GlossaryTermInput } from '../api/glossary.schemas.ts';
import { parseGlossaryCsv } from './parse-glossary-csv.ts';
import { csvCell, writeGlossaryCsv } from './write-glossary-csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseGlossaryCsv(utf8(text));

describe('glossary CSV', () => {
  it('round-trips every awkward value: commas, quotes, line breaks, accents, formulas, edge cases', () => {
    const terms: GlossaryTermInput[] = [
      { term: 'consensus', misrecognitions: ['know Cus', 'con census'], note: '' },
      { term: 'GFCE', misrecognitions: ['GAC', 'G.F.C.E.'], note: 'Global Forum on Cyber Expertise, "the Forum"' },
      { term: 'Tienhoven', misrecognitions: ['Tiehoven'], note: 'line one\r\nline two\nline three' },
      { term: 'Zürich, Genève', misrecognitions: ['Zurich', 'Geneva'], note: 'é ß 中文 🎙' },
      { term: '=SUM(A1)', misrecognitions: ['+1 555', '-minus', '@handle'], note: '=HYPERLINK("http://evil")' },
      { term: "'quoted", misrecognitions: [], note: ' spaced ' },
    ];
    const csv = writeGlossaryCsv(terms);
    const back = parseGlossaryCsv(utf8(csv));
    expect(back).toEqual({ ok: true, terms: terms.map((term) => ({ ...term, note: term.note.trim() })) });
    // And again: export → import → export is byte-identical.
    expect(writeGlossaryCsv(back.ok ? back.terms : [])).toBe(writeGlossaryCsv(terms.map((term) => ({ ...term, note: term.note.trim() }))));
  });

  it('neutralises formula cells on export (= + - @ tab CR get an apostrophe) and quotes what needs it', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33')).toBe("'+33");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
    const csv = writeGlossaryCsv([{ term: 'x', misrecognitions: [], note: '=HYPERLINK("http://evil","click")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csv.startsWith('\uFEFFterm,misrecognitions,note\r\n')).toBe(true);
  });

  it('reads RFC 4180: quoted commas and newlines, doubled quotes, CRLF or LF, a BOM, columns in any order, blank lines', () => {
    const result = parse('\uFEFFnote,Term,misrecognitions\r\n"a, b","consensus","know Cus|con census"\r\n\r\n"multi\nline",GFCE, GAC | gac \n');
    expect(result).toEqual({
      ok: true,
      terms: [
        { term: 'consensus', misrecognitions: ['know Cus', 'con census'], note: 'a, b' },
        { term: 'GFCE', misrecognitions: ['GAC', 'gac'], note: 'multi\nline' },
      ],
    });
    expect(parse('term,misrecognitions\nx,y')).toEqual({ ok: true, terms: [{ term: 'x', misrecognitions: ['y'], note: '' }] });
  });

  it('refuses malformed files with the line at fault', () => {
    expect(parse('')).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    expect(parse('term,misrecognitions\n"open,y\n')).toMatchObject({ ok: false, message: 'Line 2: a quoted field is never closed.' });
    expect(parse('term,misrecognitions\nx,y\nab"c,d\n')).toMatchObject({ ok: false, message: expect.stringContaining('Line 3: a quote inside an unquoted field') });
    expect(parse('term,misrecognitions\n"x"y,z\n')).toMatchObject({ ok: false, message: expect.stringContaining('Line 2: text after a closing quote') });
    expect(parse('term,misrecognitions\nx,y,z\n')).toMatchObject({ ok: false, message: 'Line 2: 3 fields where the header has 2.' });
    expect(parse('word,misrecognitions\nx,y\n')).toMatchObject({ ok: false, message: expect.stringContaining('unknown column “word”') });
    expect(parse('term,note\nx,y\n')).toMatchObject({ ok: false, message: expect.stringContaining('must name the columns') });
    expect(parse('term,misrecognitions\nX,y\nx,z\n')).toMatchObject({ ok: false, message: 'Line 3: the term “x” is listed twice.' });
    expect(parse('term,misrecognitions\n,y\n')).toMatchObject({ ok: false, message: 'Line 2: the term must not be empty.' });
    expect(parse(`term,misrecognitions\n${'x'.repeat(glossaryLimits.termLength + 1)},y\n`)).toMatchObject({ ok: false, message: expect.stringContaining('longer than') });
    expect(parse('term,misrecognitions\nx,...\n')).toMatchObject({ ok: false, message: expect.stringContaining('words with letters or digits') });
    expect(parseGlossaryCsv(utf8('term,misrecognitions,note\nx,y,a\u0007b\n'))).toMatchObject({ ok: false, message: expect.stringContaining('control characters') });
    // The line count follows line breaks inside quoted fields.
    expect(parse('term,misrecognitions,note\na,b,"one\ntwo"\n,c,d\n')).toMatchObject({ ok: false, message: 'Line 4: the term must not be empty.' });
  });

  it('refuses other encodings with a clear message, and oversized files before reading them', () => {
    expect(parseGlossaryCsv(Uint8Array.from([0x74, 0x65, 0x72, 0x6d, 0x0a, 0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68]))).toMatchObject({ ok: false, message: expect.stringContaining('not UTF-8') });
    expect(parseGlossaryCsv(Uint8Array.from([0xff, 0xfe, 0x74, 0x00]))).toMatchObject({ ok: false, message: expect.stringContaining('UTF-16') });
    expect(parseGlossaryCsv(new Uint8Array(glossaryLimits.csvBytes + 1))).toMatchObject({ ok: false, message: expect.stringContaining('larger than') });
    const rows = Array.from({ length: glossaryLimits.termsPerList + 1 }, (_, index) => `t${index},m`).join('\n');
    expect(parse(`term,misrecognitions\n${rows}\n`)).toMatchObject({ ok: false, message: expect.stringContaining('more than') });
    const tooMany = Array.from({ length: glossaryLimits.misrecognitionsPerTerm + 1 }, (_, index) => `m${index}`).join('|');
    expect(parse(`term,misrecognitions\nx,${tooMany}\n`)).toMatchObject({ ok: false, message: expect.stringContaining(`at most ${glossaryLimits.misrecognitionsPerTerm}`) });
  });
});
