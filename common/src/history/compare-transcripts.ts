import { alignWords, type WordOperation } from '../exports/align-words.ts';
import { segmentPlainText, turnPlainText } from '../transcript/turn-plain-text.ts';
import type { Speaker, Transcript, Turn } from '../transcript/transcript.schema.ts';
import { countChangeStats, emptyVersionStats, type VersionStats } from './version-stats.ts';

/** A run of words in a word diff: kept, added in the newer text, or removed from the older one. */
export interface WordDiffPart {
  type: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A speaker as a diff names it: the label as written (or "Unattributed"). */
export interface SpeakerRef {
  id: string | null;
  name: string;
}

/**
 * How one turn differs. `split`: a new turn holding the tail of `relatedTurnId`; `merged`: a turn
 * whose words now live in `relatedTurnId`. A turn that exists on both sides reads `changed`.
 */
export interface TurnChange {
  kind: 'changed' | 'added' | 'removed' | 'split' | 'merged';
  turnId: string;
  /** 1-based position in the newer transcript (in the older one for removed and merged turns). */
  number: number;
  relatedTurnId: string | null;
  fromSpeaker: SpeakerRef | null;
  toSpeaker: SpeakerRef | null;
  isSpeakerChanged: boolean;
  /** The turn's start time (seconds) before and after; `isTimingChanged` when they differ (timing against a recording). */
  fromStart: number | null;
  toStart: number | null;
  isTimingChanged: boolean;
  parts: WordDiffPart[];
  /** Uncertain spans ("GAC(?)") present before and gone after, and the reverse. */
  uncertainResolved: string[];
  uncertainAdded: string[];
  eventsAdded: string[];
  eventsRemoved: string[];
}

/** A roster entry whose label or display name changed. */
export interface SpeakerRename {
  id: string;
  from: string;
  to: string;
}

/** Everything that differs between two transcripts, in reading order of the newer one. */
export interface TranscriptComparison {
  changes: TurnChange[];
  speakerRenames: SpeakerRename[];
  stats: VersionStats;
}

/** A split or merge counts when at least this share of the moved words is found in its partner. */
const continuationShare = 0.5;

const tokensOf = (turn: Turn | undefined): string[] => (turn ? turnPlainText(turn).split(/\s+/).filter((token) => token !== '') : []);

/**
 * Compares two transcripts turn by turn, matching turns by id: added, removed, split (a new turn
 * continuing an existing turn's removed tail; a split keeps the first id) and merged turns read as
 * such, with word-level differences inside each turn. Only turns whose content changed are aligned,
 * so comparing two versions of a long transcript costs little more than reading them.
 */
export function compareTranscripts(from: Transcript, to: Transcript): TranscriptComparison {
  const fromIndex = new Map(from.turns.map((turn, index) => [turn.id, index]));
  const toIds = new Set(to.turns.map((turn) => turn.id));
  const speakersFrom = new Map(from.speakers.map((speaker) => [speaker.id, speaker]));
  const speakersTo = new Map(to.speakers.map((speaker) => [speaker.id, speaker]));
  const changes: TurnChange[] = [];
  const stats = emptyVersionStats();
  const claimedFrom = new Set<string>();
  const claimedTo = new Set<string>();

  const emitRemovedAfter = (fromPosition: number) => {
    for (let k = fromPosition + 1; k < from.turns.length; k++) {
      const removed = from.turns[k]!;
      if (toIds.has(removed.id)) break;
      if (claimedFrom.has(removed.id)) continue;
      claimedFrom.add(removed.id);
      const words = tokensOf(removed);
      changes.push({
        ...blankChange('removed', removed.id, k + 1),
        fromSpeaker: speakerRef(removed.speakerId, speakersFrom),
        parts: words.length > 0 ? [{ type: 'delete', text: words.join(' ') }] : [],
      });
      stats.turnsRemoved++;
      countChangeStats(stats, words.map((word) => ({ kind: 'deletion', reference: word, hypothesis: null })));
    }
  };
  emitRemovedAfter(-1);

  to.turns.forEach((turn, toPosition) => {
    if (claimedTo.has(turn.id)) return;
    const position = fromIndex.get(turn.id);
    if (position === undefined) {
      const words = tokensOf(turn);
      changes.push({
        ...blankChange('added', turn.id, toPosition + 1),
        toSpeaker: speakerRef(turn.speakerId, speakersTo),
        parts: words.length > 0 ? [{ type: 'insert', text: words.join(' ') }] : [],
        eventsAdded: turn.content.filter((segment) => segment.type === 'event').map(segmentPlainText),
      });
      stats.turnsAdded++;
      countChangeStats(stats, words.map((word) => ({ kind: 'insertion', reference: null, hypothesis: word })));
      return;
    }
    const original = from.turns[position]!;
    // Fast path, most turns: same content and no removed or new neighbour that could be a merge or split.
    const isNextRemoved = position + 1 < from.turns.length && !toIds.has(from.turns[position + 1]!.id);
    const isNextNew = toPosition + 1 < to.turns.length && !fromIndex.has(to.turns[toPosition + 1]!.id);
    if (!isNextRemoved && !isNextNew && original.speakerId === turn.speakerId && original.start === turn.start && sameContent(original, turn)) return;
    const merged = findContinuations(tokensOf(original), following(from.turns, position, (next) => !toIds.has(next.id)), tokensOf(turn), 'merge');
    const mergedTurns = merged.turns;
    const reference = [...tokensOf(original), ...mergedTurns.flatMap((next) => tokensOf(next))];
    const split = findContinuations(reference, following(to.turns, toPosition, (next) => !fromIndex.has(next.id)), tokensOf(turn), 'split');
    const group = [turn, ...split.turns];
    for (const next of mergedTurns) claimedFrom.add(next.id);
    for (const next of split.turns) claimedTo.add(next.id);
    const fromContent = [original, ...mergedTurns].flatMap((next) => next.content);
    const toContent = group.flatMap((next) => next.content);
    const isContentSame = mergedTurns.length === 0 && split.turns.length === 0 && sameContent(original, turn);
    const operations = isContentSame ? [] : (split.alignment ?? alignWords(reference, group.flatMap((next) => tokensOf(next)))).operations;
    const partsByTurn = distributeOperations(operations, group.map((next) => tokensOf(next).length));
    const markers = compareMarkers(fromContent, toContent);
    const fromSpeaker = speakerRef(original.speakerId, speakersFrom);
    group.forEach((member, index) => {
      const isSpeakerChanged = member.speakerId !== original.speakerId;
      const parts = isContentSame ? [] : partsByTurn[index]!;
      const isFirst = index === 0;
      // A split-off part's start is new with it; only the kept turn can be retimed.
      const isTimingChanged = isFirst && member.start !== original.start;
      const hasChange = group.length > 1 || mergedTurns.length > 0 || isSpeakerChanged || isTimingChanged || parts.some((part) => part.type !== 'equal') || markers.hasAny;
      if (!hasChange) return;
      if (isSpeakerChanged) stats.speakerReassignments++;
      changes.push({
        kind: isFirst ? 'changed' : 'split',
        turnId: member.id,
        number: toPosition + 1 + index,
        relatedTurnId: isFirst ? null : turn.id,
        fromSpeaker,
        toSpeaker: speakerRef(member.speakerId, speakersTo),
        isSpeakerChanged,
        fromStart: isFirst ? original.start : null,
        toStart: member.start,
        isTimingChanged,
        parts: isContentSame ? [{ type: 'equal', text: tokensOf(member).join(' ') }] : parts,
        ...(isFirst ? markers.lists : { uncertainResolved: [], uncertainAdded: [], eventsAdded: [], eventsRemoved: [] }),
      });
    });
    mergedTurns.forEach((next) => {
      changes.push({ ...blankChange('merged', next.id, (fromIndex.get(next.id) ?? 0) + 1), relatedTurnId: turn.id, fromSpeaker: speakerRef(next.speakerId, speakersFrom) });
    });
    stats.turnsSplit += split.turns.length;
    stats.turnsMerged += mergedTurns.length;
    countChangeStats(stats, operations);
    stats.uncertainResolved += markers.lists.uncertainResolved.length;
    stats.uncertainAdded += markers.lists.uncertainAdded.length;
    stats.eventsAdded += markers.lists.eventsAdded.length;
    stats.eventsRemoved += markers.lists.eventsRemoved.length;
    emitRemovedAfter(position + mergedTurns.length);
  });

  const speakerRenames: SpeakerRename[] = [];
  for (const [id, before] of speakersFrom) {
    const after = speakersTo.get(id);
    if (after && (after.label !== before.label || after.displayName !== before.displayName)) {
      speakerRenames.push({ id, from: speakerName(before), to: speakerName(after) });
    }
  }
  stats.speakersRenamed = speakerRenames.length;
  return { changes, speakerRenames, stats };
}

function sameContent(a: Turn, b: Turn): boolean {
  if (a.content.length !== b.content.length) return false;
  return a.content.every((segment, k) => {
    const other = b.content[k]!;
    if (segment.type !== other.type) return false;
    if (segment.type === 'text') return segment.text === (other as typeof segment).text;
    return JSON.stringify(segment) === JSON.stringify(other);
  });
}

function blankChange(kind: TurnChange['kind'], turnId: string, number: number): TurnChange {
  return {
    kind, turnId, number, relatedTurnId: null, fromSpeaker: null, toSpeaker: null, isSpeakerChanged: false,
    fromStart: null, toStart: null, isTimingChanged: false, parts: [],
    uncertainResolved: [], uncertainAdded: [], eventsAdded: [], eventsRemoved: [],
  };
}

function speakerName(speaker: Speaker): string {
  return speaker.label.trim() || speaker.displayName;
}

function speakerRef(speakerId: string | null, roster: Map<string, Speaker>): SpeakerRef {
  const speaker = speakerId === null ? undefined : roster.get(speakerId);
  return { id: speakerId, name: speaker ? speakerName(speaker) : 'Unattributed' };
}

/** The turns right after `position` that satisfy `isCandidate`, stopping at the first that does not. */
function following(turns: readonly Turn[], position: number, isCandidate: (turn: Turn) => boolean): Turn[] {
  const found: Turn[] = [];
  for (let k = position + 1; k < turns.length && isCandidate(turns[k]!); k++) found.push(turns[k]!);
  return found;
}

/**
 * Greedily takes candidates whose words continue the kept turn: for a split, new turns whose words
 * match the original's tail; for a merge, removed turns whose words now sit in the kept turn.
 */
function findContinuations(reference: string[], candidates: Turn[], keptWords: string[], mode: 'merge' | 'split') {
  const taken: Turn[] = [];
  let alignment: ReturnType<typeof alignWords> | undefined;
  let sofar = reference;
  let hypothesis = keptWords;
  for (const candidate of candidates) {
    const words = tokensOf(candidate);
    if (words.length === 0) break;
    const nextReference = mode === 'merge' ? [...sofar, ...words] : sofar;
    const nextHypothesis = mode === 'split' ? [...hypothesis, ...words] : hypothesis;
    const trial = alignWords(nextReference, nextHypothesis);
    // Count matches among the candidate's own words: the last `words.length` on its side.
    const offset = mode === 'merge' ? sofar.length : hypothesis.length;
    let seen = 0;
    let matched = 0;
    for (const operation of trial.operations) {
      const side = mode === 'merge' ? operation.reference : operation.hypothesis;
      if (side === null) continue;
      if (seen >= offset && operation.kind === 'match') matched++;
      seen++;
    }
    if (matched < words.length * continuationShare) break;
    taken.push(candidate);
    sofar = nextReference;
    hypothesis = nextHypothesis;
    alignment = trial;
  }
  return { turns: taken, alignment: mode === 'split' ? alignment : undefined };
}

/** Splits one alignment over consecutive hypothesis turns by word count; deletions stay with the turn being read. */
function distributeOperations(operations: readonly WordOperation[], lengths: number[]): WordDiffPart[][] {
  const result: WordDiffPart[][] = lengths.map(() => []);
  let turn = 0;
  let used = 0;
  const push = (type: WordDiffPart['type'], text: string) => {
    const parts = result[turn]!;
    const last = parts.at(-1);
    if (last && last.type === type) last.text += ` ${text}`;
    else parts.push({ type, text });
  };
  // Deleted and inserted words of one run are shown as one deletion followed by one insertion.
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length > 0) push('delete', deleted.join(' '));
    if (inserted.length > 0) push('insert', inserted.join(' '));
    deleted = [];
    inserted = [];
  };
  for (const operation of operations) {
    if (operation.hypothesis !== null) {
      while (turn < lengths.length - 1 && used >= lengths[turn]!) {
        flush();
        turn++;
        used = 0;
      }
      used++;
    }
    if (operation.kind === 'match') {
      flush();
      push('equal', operation.hypothesis);
    } else {
      if (operation.reference !== null) deleted.push(operation.reference);
      if (operation.hypothesis !== null) inserted.push(operation.hypothesis);
    }
  }
  flush();
  return result;
}

/** Uncertain spans and events present on one side only, as multisets of their plain text. */
function compareMarkers(fromContent: Turn['content'], toContent: Turn['content']) {
  const uncertainFrom = fromContent.filter((segment) => segment.type === 'uncertain').map(segmentPlainText);
  const uncertainTo = toContent.filter((segment) => segment.type === 'uncertain').map(segmentPlainText);
  const eventsFrom = fromContent.filter((segment) => segment.type === 'event').map(segmentPlainText);
  const eventsTo = toContent.filter((segment) => segment.type === 'event').map(segmentPlainText);
  const lists = {
    uncertainResolved: subtract(uncertainFrom, uncertainTo),
    uncertainAdded: subtract(uncertainTo, uncertainFrom),
    eventsAdded: subtract(eventsTo, eventsFrom),
    eventsRemoved: subtract(eventsFrom, eventsTo),
  };
  return { lists, hasAny: Object.values(lists).some((list) => list.length > 0) };
}

function subtract(items: string[], minus: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const item of minus) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  return items.filter((item) => {
    const count = remaining.get(item) ?? 0;
    if (count === 0) return true;
    remaining.set(item, count - 1);
    return false;
  });
}
