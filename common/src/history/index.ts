// Version comparison, shared by the server (stats, activity), the client (compare view) and the CLI.
export * from './compare-transcripts.ts';
export * from './version-stats.ts';
export * from './describe-turn-change.ts';
export * from './describe-replacements.ts';
export * from './describe-stats.ts';
export * from './describe-speaker-merges.ts';
