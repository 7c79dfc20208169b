import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrate } from '../db/migrate.ts';

/** `db migrate`: what start-up does, on its own (for deployments that migrate before rolling out). */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (start-up does this too)')
    .action(async () => {
      const config = loadConfig();
      const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort });
      try {
        const { applied } = await migrate(config.databaseUrl ?? embedded!.url);
        console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await embedded?.stop();
      }
    });
}
