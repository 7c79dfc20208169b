import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, emailSchema, importFormatSchema, serializeTranscriptJson, titleSchema } from '@verity/common';
import { loadConfig } from '../config.ts';
import { importTranscript } from '../imports/import-transcript.ts';
import { readImportFile } from '../imports/read-import-file.ts';
import { withDatabase } from './cli-context.ts';
import { parseOption } from './parse-option.ts';

/** A file's bytes, with a one-line error instead of a stack when it cannot be read. */
async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('not_found', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file} (${code ?? 'unknown error'}).`);
  }
}

/** `parse FILE` (no database: a check anyone can run on a file) and `import FILE --owner EMAIL`. */
export function registerTranscriptCommands(program: Command): void {
  program
    .command('parse')
    .description('print a transcript file as Verity JSON (needs no database); skipped caption cues are listed on stderr')
    .argument('<file>', 'CART text, SRT, WebVTT, plain text or Verity JSON')
    .option('--format <format>', 'auto, cart, srt, vtt, text or json', 'auto')
    .action(async (file: string, options: { format: string }) => {
      const format = parseOption(importFormatSchema, options.format, '--format');
      const { transcript, warnings } = readImportFile({ bytes: await readBytes(file), fileName: path.basename(file), format, maxBytes: loadConfig().maxUploadBytes });
      // What was skipped goes to stderr, so stdout stays the JSON alone (pipe-safe), and the exit code stays 0.
      for (const warning of warnings) process.stderr.write(`warning: line ${warning.line}: ${warning.message}\n`);
      process.stdout.write(serializeTranscriptJson(transcript));
    });

  program
    .command('import')
    .description('import a transcript file as a new transcript owned by an account')
    .argument('<file>', 'CART text, SRT, WebVTT, plain text or Verity JSON')
    .requiredOption('--owner <email>', "the owner's e-mail")
    .option('--title <title>', 'title (default: from the file, else its name)')
    .option('--format <format>', 'auto, cart, srt, vtt, text or json', 'auto')
    .action(async (file: string, options: { owner: string; title?: string; format: string }) => {
      const email = parseOption(emailSchema, options.owner, '--owner');
      const format = parseOption(importFormatSchema, options.format, '--format');
      const title = options.title === undefined ? undefined : parseOption(titleSchema, options.title, '--title');
      const bytes = await readBytes(file);
      const { transcript, publicUrl } = await withDatabase(async ({ prisma }, config) => {
        const owner = await prisma.user.findUnique({ where: { email } });
        if (!owner) throw new AppError('not_found', `No account with the e-mail ${email}.`);
        const imported = await importTranscript(prisma, { ownerId: owner.id, bytes, fileName: path.basename(file), format, title, maxBytes: config.maxUploadBytes });
        return { transcript: imported, publicUrl: config.publicUrl };
      });
      console.log(`Imported "${transcript.title}" as ${transcript.id}`);
      console.log(`${publicUrl}/t/${transcript.id}`);
    });
}
