import type { SearchableBlock } from '../collab/find-in-transcript.ts';

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
  occurrence: number;
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
  const maxHits = options.maxHits ?? maxGlossaryHits;
  const root = buildTrie(terms);
  const hits: GlossaryHit[] = [];
  if (root.children.size === 0) return { hits, isTruncated: false };
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const tokens = tokenize(block.text);
    const seen = new Map<string, number>();
    let index = 0;
    while (index < tokens.length) {
      const found = longestMatch(root, tokens, index, block.text);
      if (!found) {
        index++;
        continue;
      }
      const start = tokens[index]!.start;
      const end = tokens[index + found.words - 1]!.end;
      const text = block.text.slice(start, end);
      index += found.words;
      if (text === found.term.term) continue;
      const lower = text.toLowerCase();
      const occurrence = seen.get(lower) ?? 0;
      seen.set(lower, occurrence + 1);
      if (hits.length === maxHits) return { hits, isTruncated: true };
      hits.push({
        key: `glossary\u0000${block.id}\u0000${lower}\u0000${occurrence}`,
        turnId: block.id,
        blockIndex,
        start,
        end,
        text,
        fix: found.term.term,
        termId: found.term.id,
        source: found.term.source,
        label: `${text} → ${found.term.term}`,
        occurrence,
      });
    }
  }
  return { hits, isTruncated: false };
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

/** The text's words with their offsets (code units), lower-cased for comparison. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() });
  }
  return tokens;
}
