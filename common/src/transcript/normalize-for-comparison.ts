// NBSP, narrow NBSP, figure space, the U+2000 block spaces, ideographic space and tabs.
const spaces = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// Hyphen, non-breaking hyphen (the seeds' U+2011), figure dash, en dash and minus read as "-".
const hyphens = /[\u2010-\u2013\u2212]/g;
// Em dash and horizontal bar read as the captioner's "--".
const dashes = /[\u2014\u2015]/g;
const singleQuotes = /[\u2018\u2019\u201a\u201b]/g;
const doubleQuotes = /[\u201c\u201d\u201e\u201f]/g;

/**
 * Text for comparing, searching and diffing only, never for storage: typographic variants
 * (NBSP, U+2011, curly quotes) collapse to ASCII so "as written" differences do not count as edits.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFC')
    .replace(spaces, ' ')
    .replace(hyphens, '-')
    .replace(dashes, '--')
    .replace(singleQuotes, "'")
    .replace(doubleQuotes, '"')
    .replace(/ {2,}/g, ' ');
}
