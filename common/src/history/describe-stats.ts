import type { VersionStats } from './version-stats.ts';

/** "2 replaced, 1 inserted, 1 split": a version's non-zero counts, for lists and the CLI. */
export function describeStats(stats: VersionStats | null): string {
  if (!stats) return '';
  const parts: [number, string][] = [
    [stats.wordsReplaced, 'replaced'],
    [stats.wordsInserted, 'inserted'],
    [stats.wordsDeleted, 'deleted'],
    [stats.turnsAdded, 'turns added'],
    [stats.turnsRemoved, 'turns removed'],
    [stats.turnsSplit, 'split'],
    [stats.turnsMerged, 'merged'],
    [stats.speakerReassignments, 'speaker changes'],
    [stats.speakersRenamed, 'renamed'],
    [stats.uncertainResolved, 'uncertain resolved'],
    [stats.eventsAdded + stats.eventsRemoved, 'events changed'],
  ];
  return parts.filter(([count]) => count > 0).map(([count, label]) => `${count} ${label}`).join(', ') || 'no change';
}
