import type { WordOperation } from '../exports/align-words.ts';

/** What changed between a version and the one before it; stored with each version. */
export interface VersionStats {
  wordsInserted: number;
  wordsDeleted: number;
  wordsReplaced: number;
  turnsAdded: number;
  turnsRemoved: number;
  turnsSplit: number;
  turnsMerged: number;
  /** Turns (or split-off parts) now attributed to a different speaker. */
  speakerReassignments: number;
  /** Roster entries whose label or display name changed. */
  speakersRenamed: number;
  uncertainResolved: number;
  uncertainAdded: number;
  eventsAdded: number;
  eventsRemoved: number;
}

/** All counts zero. */
export function emptyVersionStats(): VersionStats {
  return {
    wordsInserted: 0, wordsDeleted: 0, wordsReplaced: 0, turnsAdded: 0, turnsRemoved: 0, turnsSplit: 0, turnsMerged: 0,
    speakerReassignments: 0, speakersRenamed: 0, uncertainResolved: 0, uncertainAdded: 0, eventsAdded: 0, eventsRemoved: 0,
  };
}

const wordPattern = /[\p{L}\p{N}]/u;
const isWord = (token: string | null) => token !== null && wordPattern.test(token);

/** Adds an alignment's word counts; tokens without a letter or digit ("--") are not words, as countWords says. */
export function countChangeStats(stats: VersionStats, operations: readonly WordOperation[]): void {
  for (const operation of operations) {
    if (operation.kind === 'substitution') {
      if (isWord(operation.reference) && isWord(operation.hypothesis)) stats.wordsReplaced++;
      else if (isWord(operation.reference)) stats.wordsDeleted++;
      else if (isWord(operation.hypothesis)) stats.wordsInserted++;
    } else if (operation.kind === 'deletion' && isWord(operation.reference)) stats.wordsDeleted++;
    else if (operation.kind === 'insertion' && isWord(operation.hypothesis)) stats.wordsInserted++;
  }
}
