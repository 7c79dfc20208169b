import { Command, CommanderError } from 'commander';
import { isAppError } from '@verity/common';
import { registerConvertCommands } from './convert.commands.ts';
import { registerDbCommands } from './db.commands.ts';
import { registerExportCommands } from './export.commands.ts';
import { registerHistoryCommands } from './history.commands.ts';
import { registerMemberCommands } from './member.commands.ts';
import { registerTranscriptCommands } from './transcript.commands.ts';
import { registerUserCommands } from './user.commands.ts';

/** The admin CLI: `npm run cli -- <command>`. Same configuration as the server (DATABASE_URL or VERITY_DATA_DIR). */
export function buildProgram(): Command {
  const program = new Command('verity')
    .description('Verity administration: accounts, membership, database, transcript files')
    .showHelpAfterError()
    .exitOverride();
  registerUserCommands(program);
  registerMemberCommands(program);
  registerDbCommands(program);
  registerConvertCommands(program);
  registerTranscriptCommands(program);
  registerExportCommands(program);
  registerHistoryCommands(program);
  return program;
}

async function run(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    // Expected failures are one readable line; anything else is a bug and keeps its stack.
    console.error(isAppError(error) ? `error: ${error.message}` : error);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
