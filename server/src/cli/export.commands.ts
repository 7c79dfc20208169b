import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, exportFormatIds, exportRequestFormatSchema, versionNumberParam } from '@verity/common';
import { exportTranscriptFile } from '../exports/export-transcript-file.ts';
import { isUuid } from '../transcripts/transcript-access.ts';
import { withDatabase } from './cli-context.ts';
import { parseOption } from './parse-option.ts';

const versionOptionSchema = versionNumberParam('must be a version number');

/** `export ID --format F [--version N] [-o FILE]`: the same file the web app downloads. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('write a stored transcript in a format (default version: the latest approved, else the current document)')
    .argument('<transcript>', 'transcript id')
    .requiredOption('--format <format>', `${exportFormatIds.join(', ')} or report (correction report)`)
    .option('--version <number>', 'version number (0 is the raw import)')
    .option('-o, --output <file>', 'write here instead of standard output (required for docx)')
    .action(async (transcriptId: string, options: { format: string; version?: string; output?: string }) => {
      const format = parseOption(exportRequestFormatSchema, options.format, '--format');
      const versionNumber = options.version === undefined ? undefined : parseOption(versionOptionSchema, options.version, '--version');
      const file = await withDatabase(async ({ prisma }) => {
        if (!isUuid(transcriptId) || !(await prisma.transcript.findUnique({ where: { id: transcriptId } }))) throw new AppError('not_found', `No transcript with id ${transcriptId}.`);
        return exportTranscriptFile({ prisma, transcriptId, format, versionNumber });
      });
      if (options.output) {
        await writeFile(options.output, file.body);
        console.error(`wrote ${options.output} (${file.fileName}, sha256 ${file.contentSha256})`);
      } else if (!file.mimeType.startsWith('text/') && file.mimeType !== 'application/json') {
        throw new AppError('bad_request', `${file.fileName} is binary; give -o FILE.`);
      } else {
        process.stdout.write(file.body);
      }
    });
}
