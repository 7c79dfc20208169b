import { chipMark, type SearchableBlock } from '../collab/find-in-transcript.ts';

/**
 * Known misrecognitions in a transcript: whole-word, case-insensitive occurrences of each term's wrong
 * spellings, multi-word ones included ("know Cus" → "consensus"). Both sides are split into words
 * (letters, digits, `_`, and an apostrophe inside a word) and the separators between them; a wrong
 * spelling matches where its words follow one another with the same separators (any run of white space
 * counts as one space). Lookup goes through a trie of words, so the work is the text's words times the
 * longest wrong spelling's words: linear in the transcript, and no pattern a user writes is ever a regex.
 */

/** A term to look for: its correct spelling and the spellings to flag. */
export interface GlossaryMatchTerm {
  /** Stable id of the term (a glossary term's id, or `speaker:<id>` for a speaker's name). */
  id: string;
  term: string;
  misrecognitions: readonly string[];
  /** Where the term comes from, for the label: a list's name, or "speakers". */
  source: string;
}

/** One flagged occurrence: where it is (Yjs offsets of its block), what it says and what it should say. */
export interface GlossaryHit {
  /** Stable across edits elsewhere: the block, the wrong text (lower case) and which occurrence of it. */
  key: string;
  turnId: string;
  blockIndex: number;
  start: number;
  end: number;
  /** The text as it stands in the transcript. */
  text: string;
  /** The correct spelling it becomes. */
  fix: string;
  termId: string;
  source: string;
  /** "know Cus → consensus", for lists and the queue. */
  label: string;
  /** Up to 30 characters of text either side, for the panel (an event chip reads as "…"). */
  before: string;
  after: string;
  occurrence: number;
}

const contextChars = 30;

function context(text: string, from: number, to: number): string {
  return text.slice(Math.max(0, from), to).replaceAll(chipMark, '…');
}

/** Hits beyond this are not reported (a list that flags every word helps nobody). */
export const maxGlossaryHits = 5000;
/** Words in the longest wrong spelling considered (bounds the work at each word of the text). */
export const maxMisrecognitionWords = 12;

interface Token {
  start: number;
  end: number;
  word: string;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  target: { term: GlossaryMatchTerm; words: number } | null;
}

/** Every hit of the terms' misrecognitions in `blocks`, in reading order; the longest match wins at a position. */
export function findGlossaryHits(blocks: readonly SearchableBlock[], terms: readonly GlossaryMatchTerm[], options: { maxHits?: number } = {}): { hits: GlossaryHit[]; isTruncated: boolean } {
  return createGlossaryMatcher(terms).match(blocks, options);
}

/** Matches found in one block's text, before they are numbered into hits. */
interface BlockMatch {
  start: number;
  end: number;
  term: GlossaryMatchTerm;
}

/** A matcher for one set of terms, re-run as the document changes. */
export interface GlossaryMatcher {
  match(blocks: readonly SearchableBlock[], options?: { maxHits?: number }): { hits: GlossaryHit[]; isTruncated: boolean };
}

/**
 * Builds the trie once and remembers each block's matches by its text, so re-matching after an edit
 * reads only the blocks whose text changed (typing touches one): a 4-hour transcript costs its edited
 * turn, not the whole text, on every refresh.
 */
export function createGlossaryMatcher(terms: readonly GlossaryMatchTerm[]): GlossaryMatcher {
  const root = buildTrie(terms);
  let cache = new Map<string, { text: string; matches: BlockMatch[] }>();
  return {
    match(blocks, options = {}) {
      const maxHits = options.maxHits ?? maxGlossaryHits;
      const hits: GlossaryHit[] = [];
      if (root.children.size === 0) return { hits, isTruncated: false };
      const next = new Map<string, { text: string; matches: BlockMatch[] }>();
      let isTruncated = false;
      for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
        const block = blocks[blockIndex]!;
        const cached = cache.get(block.id);
        const entry = cached && cached.text === block.text ? cached : { text: block.text, matches: matchBlock(root, block.text) };
        next.set(block.id, entry);
        if (isTruncated) continue;
        const seen = new Map<string, number>();
        for (const { start, end, term } of entry.matches) {
          const text = block.text.slice(start, end);
          const lower = text.toLowerCase();
          const occurrence = seen.get(lower) ?? 0;
          seen.set(lower, occurrence + 1);
          if (hits.length === maxHits) {
            isTruncated = true;
            break;
          }
          hits.push({ key: `glossary\u0000${block.id}\u0000${lower}\u0000${occurrence}`, turnId: block.id, blockIndex, start, end, text, fix: term.term, termId: term.id, source: term.source, label: `${text} → ${term.term}`, occurrence, before: context(block.text, start - contextChars, start), after: context(block.text, end, end + contextChars) });
        }
      }
      cache = next;
      return { hits, isTruncated };
    },
  };
}

function matchBlock(root: TrieNode, text: string): BlockMatch[] {
  const tokens = tokenize(text);
  const matches: BlockMatch[] = [];
  let index = 0;
  while (index < tokens.length) {
    const found = longestMatch(root, tokens, index, text);
    if (!found) {
      index++;
      continue;
    }
    const start = tokens[index]!.start;
    const end = tokens[index + found.words - 1]!.end;
    index += found.words;
    // Already spelled right (a case fix counts: "gfce" → "GFCE" is a hit, "GFCE" is not).
    if (text.slice(start, end) !== found.term.term) matches.push({ start, end, term: found.term });
  }
  return matches;
}

/** A spelling's trie key: its words in lower case joined by their normalised separators. */
export function misrecognitionWords(spelling: string): string[] | null {
  const tokens = tokenize(spelling);
  if (tokens.length === 0 || tokens.length > maxMisrecognitionWords) return null;
  const keys = [tokens[0]!.word];
  for (let i = 1; i < tokens.length; i++) keys.push(gapKey(spelling.slice(tokens[i - 1]!.end, tokens[i]!.start)), tokens[i]!.word);
  return keys;
}

function buildTrie(terms: readonly GlossaryMatchTerm[]): TrieNode {
  const root: TrieNode = { children: new Map(), target: null };
  for (const term of terms) {
    for (const spelling of term.misrecognitions) {
      const keys = misrecognitionWords(spelling);
      if (!keys) continue;
      let node = root;
      for (const key of keys) {
        let next = node.children.get(key);
        if (!next) node.children.set(key, (next = { children: new Map(), target: null }));
        node = next;
      }
      // The first list to name a spelling wins; a later duplicate does not change the fix.
      node.target ??= { term, words: (keys.length + 1) / 2 };
    }
  }
  return root;
}

function longestMatch(root: TrieNode, tokens: readonly Token[], from: number, text: string): TrieNode['target'] {
  let node = root.children.get(tokens[from]!.word);
  let best = node?.target ?? null;
  for (let i = from + 1; node && i < tokens.length && i - from < maxMisrecognitionWords; i++) {
    node = node.children.get(gapKey(text.slice(tokens[i - 1]!.end, tokens[i]!.start)))?.children.get(tokens[i]!.word);
    if (node?.target) best = node.target;
  }
  return best;
}

/** A separator compared loosely on white space: "know  Cus" and "know\nCus" both read "know Cus". */
function gapKey(gap: string): string {
  return `\u0001${gap.replace(/\s+/g, ' ')}`;
}

/** The text's words with their offsets (code units), lower-cased for comparison. One pass over the characters. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let index = 0;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCode(code)) {
      if (start < 0) start = index;
    } else if (start >= 0 && (code === 0x27 || code === 0x2019) && index + 1 < text.length && isWordCode(text.codePointAt(index + 1)!)) {
      // An apostrophe inside a word ("Pavlak's") keeps it one word.
    } else if (start >= 0) {
      tokens.push({ start, end: index, word: text.slice(start, index).toLowerCase() });
      start = -1;
    }
    index += width;
  }
  if (start >= 0) tokens.push({ start, end: text.length, word: text.slice(start).toLowerCase() });
  return tokens;
}

const wordLetter = /[\p{L}\p{M}\p{N}_]/u;

/** Letters, marks, digits and `_`: ASCII decided by range, the rest by Unicode property. */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
  return wordLetter.test(String.fromCodePoint(code));
}
