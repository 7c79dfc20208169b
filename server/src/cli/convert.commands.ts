import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, computeIntegrity, exportFormatIds, findExportFormat, parseTranscript, sourceFormats, verifyExport } from '@verity/common';
import type { SourceFormat } from '@verity/common';
import { describeVersionMatch, findVersionsByHash } from '../review/find-versions-by-hash.ts';
import { withDatabase } from './cli-context.ts';

/**
 * `convert` and `verify`: file in, file out, no database, so they run anywhere the repository does.
 * (`verify --db` also asks the database which version the file is.)
 * Convert stamps the transcript's hash into formats with a title block, naming the Verity JSON it matches.
 */
export function registerConvertCommands(program: Command): void {
  program
    .command('convert')
    .description(`convert a transcript file (${sourceFormats.join(', ')}) to ${exportFormatIds.join(', ')}; no database`)
    .argument('<file>', 'transcript file to read')
    .requiredOption('--to <format>', `output format: ${exportFormatIds.join(', ')}`)
    .option('--from <format>', `input format: auto, ${sourceFormats.join(', ')}`, 'auto')
    .option('-o, --output <file>', 'write here instead of standard output (required for docx)')
    .option('--timecodes', 'cart, text, markdown, docx: prefix timed turns with [hh:mm:ss]')
    .action(async (file: string, options: { to: string; from: string; output?: string; timecodes?: boolean }) => {
      const format = findExportFormat(options.to);
      if (format.isBinary && !options.output) throw new AppError('bad_request', `${format.label} is binary; give -o FILE.`);
      const transcript = parseTranscript(new Uint8Array(await readFile(file)), { fileName: path.basename(file), format: options.from as 'auto' | SourceFormat });
      const { hash } = await computeIntegrity(transcript);
      const written = await format.write(transcript, { hash, timecodes: options.timecodes === true });
      if (options.output) await writeFile(options.output, written);
      else process.stdout.write(written);
    });
  program
    .command('verify')
    .description('check a Verity JSON export against the hash it carries; exit 0 when it matches, 1 otherwise')
    .argument('<file>', 'exported Verity JSON file')
    .option('--db', 'also look the hash up in the database: which authoritative version the file is')
    .action(async (file: string, options: { db?: boolean }) => {
      const result = await verifyExport(await readFile(file, 'utf8'));
      // A mismatch goes through the one error path (stderr line, exit 1): some imported module resets exitCode.
      if (!result.isMatch) throw new AppError('conflict', `mismatch: the file records sha256 ${result.recordedHash} but its content hashes to ${result.computedHash}.`);
      console.log(`ok: sha256 ${result.computedHash} matches`);
      // Opt-in: with the embedded default a database is always "configured", and verify must work without one.
      if (!options.db) return;
      const matches = await withDatabase(({ prisma }) => findVersionsByHash(prisma, result.computedHash));
      if (matches.length === 0) console.log('unknown: no stored version has this content');
      for (const match of matches) console.log(describeVersionMatch(match));
    });
}
