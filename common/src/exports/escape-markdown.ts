// CommonMark lets any ASCII punctuation be escaped; these are the ones that can start markup inline
// (emphasis, code, links and images, raw HTML and autolinks, entities, GFM tables and strikethrough).
const inlineMetacharacters = /[\\`*_[\]()<>#|~&!]/g;
// A line ending in CommonMark: a value written on one line must not start a new block.
const lineEndings = /\r\n?|\n/g;
// At the start of a line: list items ("- ", "+ ", "1. ", "1) "), thematic breaks and setext underlines.
const lineStartMarker = /^(?:[-+=]|\d+[.)])/;

/**
 * Text made inert inside a Markdown line: every metacharacter escaped and line endings turned into
 * spaces, so it can neither open markup nor start a block. Leading spaces are kept (mid-line use).
 */
export function escapeMarkdownInline(text: string): string {
  return text.replace(lineEndings, ' ').replace(inlineMetacharacters, '\\$&');
}

/**
 * An already escaped line made safe to stand at the start of a Markdown line: leading spaces and tabs
 * dropped (four would make a code block; renderers drop fewer anyway) and a list marker escaped.
 */
export function escapeLineStart(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(lineStartMarker, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** Transcript-supplied text made inert for Markdown anywhere on a line: once rendered it reads as itself. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeMarkdownInline(text));
}
