import { findGenericRole, isNameToken } from './classify-speaker-label.ts';

/** A speaker label split into the name and an optional affiliation. */
export interface ParsedSpeakerLabel {
  label: string;
  name: string;
  affiliation: string | null;
}

/** allowLowercase: after a CART ">>" mark even "chair:" or "ana lopez:" is a label. */
export interface SpeakerLabelOptions {
  allowLowercase?: boolean;
}

const maxNameTokens = 7;
// Lower-case labels are only believed when they do not read like the start of a sentence.
const sentenceWords = /^(?:the|a|an|is|are|was|so|and|but|or|i|you|we|they|it|that|this|what|well|yes|no|okay|ok|here|there|note|question|answer)$/;

function isLowercaseName(tokens: readonly string[]): boolean {
  if (findGenericRole(tokens.join(' ')) !== null) return true;
  return tokens.length <= 3 && tokens.every((token) => /^\p{Ll}[\p{L}'’.\u2010\u2011-]*$/u.test(token) && !sentenceWords.test(token));
}

function isNameLike(text: string, options: SpeakerLabelOptions): boolean {
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  if (tokens.length === 0 || tokens.length > maxNameTokens) return false;
  if (tokens.every((token, index) => isNameToken(token, index === 0))) return true;
  return options.allowLowercase === true && isLowercaseName(tokens);
}

/**
 * Reads "NAME", "NAME (Org)" or "FIRST LAST, Org" as a speaker label, or returns null when the
 * text reads like a sentence ("So the answer is"), so ordinary colons are never taken for names.
 */
export function parseSpeakerLabel(candidate: string, options: SpeakerLabelOptions = {}): ParsedSpeakerLabel | null {
  const label = candidate.trim();
  if (label === '' || label.length > 80) return null;
  const parenthesized = /^(.+?)\s*\(([^()]+)\)$/.exec(label);
  if (parenthesized?.[1] && parenthesized[2] && isNameLike(parenthesized[1], options)) {
    return { label, name: parenthesized[1].trim(), affiliation: parenthesized[2].trim() };
  }
  const comma = label.indexOf(',');
  if (comma > 0) {
    const name = label.slice(0, comma).trim();
    const affiliation = label.slice(comma + 1).trim();
    // A one-word name before a comma is usually an interjection ("Yes, I think so: …").
    if (name.includes(' ') && isNameLike(name, options) && affiliation !== '' && !/[.?!]$/.test(affiliation)) {
      return { label, name, affiliation };
    }
    return null;
  }
  return isNameLike(label, options) ? { label, name: label, affiliation: null } : null;
}

/** Splits "NAME: words" into the parsed label and the words, or returns null when there is no label. */
export function splitLabelledLine(line: string, options: SpeakerLabelOptions = {}): { speaker: ParsedSpeakerLabel; rest: string } | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 90) return null;
  const after = line.charAt(colon + 1);
  // "13:10" and "https://" are not labels: a label colon ends the line or is followed by a space.
  if (after !== '' && !/\s/.test(after)) return null;
  const speaker = parseSpeakerLabel(line.slice(0, colon), options);
  return speaker ? { speaker, rest: line.slice(colon + 1).trim() } : null;
}
