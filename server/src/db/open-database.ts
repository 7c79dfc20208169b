import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import { createPrismaClient, type PrismaClient } from './prisma.ts';

/** A migrated database with a Prisma client, and how to let go of both. */
export interface Database {
  prisma: PrismaClient;
  url: string;
  isEmbedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded cluster under VERITY_DATA_DIR; migrated before use. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedDbPort'>, log: (line: string) => void = () => {}): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, onLog: log });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const prisma = createPrismaClient(url);
  return {
    prisma,
    url,
    isEmbedded: embedded !== null,
    async close() {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}
