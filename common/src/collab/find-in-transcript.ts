/**
 * Find (and plan replace) across a transcript's blocks. Pure and synchronous over plain strings, so it
 * runs in a Web Worker the client can terminate when a regex takes too long (a backtracking pattern
 * cannot be interrupted from inside). Offsets are the block's Y.XmlText offsets: each event chip
 * counts as one character, shown here as `chipMark`, and no hit may cover one.
 */

/** Stands for an event chip in a block's searchable text (an embed is one Yjs offset long). */
export const chipMark = '\uFFFC';

/** One block's searchable text, read from the live document (readSearchableBlocks). */
export interface SearchableBlock {
  id: string;
  kind: 'turn' | 'note';
  speakerId: string | null;
  text: string;
}

/** What to look for. `replacement` may use $&, $1…$99 and $$ in regex mode; it is literal otherwise. */
export interface FindQuery {
  pattern: string;
  replacement: string;
  isCaseSensitive: boolean;
  isWholeWord: boolean;
  isRegex: boolean;
}

/** One match: the block, its offsets, the matched and replacing text, and context either side. */
export interface FindHit {
  blockId: string;
  /** The block's position in reading order (0-based), for "turn 12". */
  blockIndex: number;
  kind: 'turn' | 'note';
  speakerId: string | null;
  start: number;
  end: number;
  match: string;
  replacement: string;
  before: string;
  after: string;
  /** Which match of this exact text in this block, counting from 0: a key that survives edits elsewhere. */
  occurrence: number;
}

export type FindResult = { ok: true; hits: FindHit[]; isTruncated: boolean } | { ok: false; message: string };

/** Hits beyond this are not listed (the UI says so): bounds the worker's answer and the panel. */
export const maxFindHits = 2000;
/** Longest pattern accepted; longer ones are refused before compiling. */
export const maxPatternLength = 500;
const contextChars = 40;
const wordChar = /[\p{L}\p{N}_]/u;

/**
 * Every hit of `query` in `blocks`, in reading order, with its replacement expanded. An empty or
 * invalid pattern is an error result (never a throw); empty matches are skipped, so "a*" cannot
 * produce thousands of zero-width hits.
 */
export function findInTranscript(blocks: readonly SearchableBlock[], query: FindQuery, options: { maxHits?: number } = {}): FindResult {
  const maxHits = options.maxHits ?? maxFindHits;
  if (query.pattern === '') return { ok: false, message: 'Type something to find.' };
  if (query.pattern.length > maxPatternLength) return { ok: false, message: `The search is longer than ${maxPatternLength} characters.` };
  let regex: RegExp;
  try {
    const source = query.isRegex ? query.pattern : escapeRegex(query.pattern);
    regex = new RegExp(source, `g${query.isCaseSensitive ? '' : 'i'}u`);
  } catch (error) {
    return { ok: false, message: `Not a valid regular expression: ${error instanceof Error ? error.message : 'unknown error'}.` };
  }
  const hits: FindHit[] = [];
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const seen = new Map<string, number>();
    regex.lastIndex = 0;
    for (let found = regex.exec(block.text); found; found = regex.exec(block.text)) {
      const match = found[0];
      if (match === '') {
        regex.lastIndex = found.index + 1;
        continue;
      }
      const start = found.index;
      const end = start + match.length;
      if (match.includes(chipMark)) continue;
      if (query.isWholeWord && !isWholeWord(block.text, start, end)) continue;
      const occurrence = seen.get(match) ?? 0;
      seen.set(match, occurrence + 1);
      if (hits.length === maxHits) return { ok: true, hits, isTruncated: true };
      hits.push({
        blockId: block.id,
        blockIndex,
        kind: block.kind,
        speakerId: block.speakerId,
        start,
        end,
        match,
        replacement: query.isRegex ? expandReplacement(query.replacement, found) : query.replacement,
        before: block.text.slice(Math.max(0, start - contextChars), start).replaceAll(chipMark, '…'),
        after: block.text.slice(end, end + contextChars).replaceAll(chipMark, '…'),
        occurrence,
      });
    }
  }
  return { ok: true, hits, isTruncated: false };
}

/** A stable key for a hit (block, text, which occurrence): keeps a checkbox's state across re-searches. */
export function findHitKey(hit: Pick<FindHit, 'blockId' | 'match' | 'occurrence'>): string {
  return `${hit.blockId}\u0000${hit.match}\u0000${hit.occurrence}`;
}

/** The regex-mode replacement for one match: $& the match, $1…$99 its groups, $$ a dollar sign. */
export function expandReplacement(template: string, found: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d{1,2})/g, (token, name: string) => {
    if (name === '$') return '$';
    if (name === '&') return found[0];
    const group = Number(name);
    return group >= 1 && group < found.length ? (found[group] ?? '') : token;
  });
}

function isWholeWord(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  // Compare whole code points, so a letter outside the BMP next to the match also counts as a letter.
  const previous = Array.from(before).at(-1);
  const next = Array.from(after)[0];
  return !(previous && wordChar.test(previous)) && !(next && wordChar.test(next));
}

function escapeRegex(text: string): string {
  // Only syntax characters: with the `u` flag an identity escape of anything else (`\-`) is an error.
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
