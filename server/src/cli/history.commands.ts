import type { Command } from 'commander';
import { AppError, describeStats, describeTiming, type TranscriptComparison } from '@verity/common';
import { isUuid } from '../transcripts/transcript-access.ts';
import { compareVersions } from '../history/compare-versions.ts';
import { listVersions } from '../history/list-versions.ts';
import { printTable, withDatabase } from './cli-context.ts';

/**
 * A comparison as terminal text: one paragraph per changed turn, words removed as [-…-] and added as
 * {+…+} (git's word-diff notation; red and green on a terminal), speaker changes as "A → B".
 */
export function formatComparison(comparison: Pick<TranscriptComparison, 'changes' | 'speakerRenames'>, options: { isColor: boolean }): string {
  const paint = (code: number, text: string) => (options.isColor ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const rename of comparison.speakerRenames) lines.push(`speaker ${rename.from} → ${rename.to}`, '');
  for (const change of comparison.changes) {
    const speaker = change.isSpeakerChanged ? `${change.fromSpeaker?.name ?? 'Unattributed'} → ${change.toSpeaker?.name ?? 'Unattributed'}` : (change.toSpeaker ?? change.fromSpeaker)?.name;
    const related = change.relatedTurnId ? ` (${change.kind === 'split' ? 'split from' : 'merged into'} ${change.relatedTurnId})` : '';
    lines.push(paint(1, `turn ${change.number} · ${change.kind}${related} · ${speaker ?? ''}`));
    const words = change.parts.map((part) => (part.type === 'equal' ? part.text : part.type === 'delete' ? paint(31, `[-${part.text}-]`) : paint(32, `{+${part.text}+}`)));
    if (words.length > 0) lines.push(words.join(' '));
    if (change.isTimingChanged) lines.push(`  ${describeTiming(change, 'the turn')}`);
    for (const span of change.uncertainResolved) lines.push(`  resolved ${span}`);
    for (const event of [...change.eventsAdded.map((e) => `+ ${e}`), ...change.eventsRemoved.map((e) => `- ${e}`)]) lines.push(`  event ${event}`);
    lines.push('');
  }
  return lines.length > 0 ? lines.join('\n') : 'No differences.';
}

function transcriptIdOf(value: string): string {
  if (!isUuid(value)) throw new AppError('not_found', `No transcript ${value}.`);
  return value;
}

function versionOf(value: string, option: string): number | 'current' {
  if (value === 'current') return value;
  if (!/^\d{1,9}$/.test(value)) throw new AppError('validation_failed', `${option} must be a version number or "current".`);
  return Number(value);
}

/** `history ID` (the versions table) and `diff ID --from N --to M|current`. */
export function registerHistoryCommands(program: Command): void {
  program
    .command('history')
    .description("list a transcript's versions with their contributors and changes")
    .argument('<transcript>', 'transcript id')
    .action(async (id: string) => {
      const versions = await withDatabase(({ prisma }) => listVersions(prisma, { transcriptId: transcriptIdOf(id) }));
      if (versions.length === 0) throw new AppError('not_found', `No transcript ${id} (or it has no versions).`);
      printTable(
        versions.map((version) => ({
          number: String(version.number),
          kind: version.kind,
          name: version.name ?? '',
          created: version.createdAt.replace('T', ' ').slice(0, 16),
          by: version.createdBy.displayName,
          contributors: version.contributors.map((person) => person.displayName).join(', '),
          changes: describeStats(version.stats),
          sha256: version.contentSha256.slice(0, 12),
        })),
      );
    });

  program
    .command('diff')
    .description('show the word differences between two versions (or a version and the current text)')
    .argument('<transcript>', 'transcript id')
    .requiredOption('--from <n>', 'the older version number')
    .option('--to <n>', 'the newer version number, or "current"', 'current')
    .action(async (id: string, options: { from: string; to: string }) => {
      const from = versionOf(options.from, '--from');
      if (from === 'current') throw new AppError('validation_failed', '--from must be a version number.');
      const to = versionOf(options.to, '--to');
      const comparison = await withDatabase(({ prisma }) => compareVersions({ prisma, transcriptId: transcriptIdOf(id), from, to }));
      console.log(formatComparison(comparison, { isColor: process.stdout.isTTY === true }));
    });
}
