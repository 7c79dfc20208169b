import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app.ts';
import { createLiveSessions } from './collab/create-live-sessions.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { startAutoVersions } from './history/start-auto-versions.ts';
import { createParsePool } from './imports/parse-pool.ts';
import { createLogger } from './logger.ts';
import { createDiskMediaStore } from './media/disk-media-store.ts';
import { sweepMediaLeftovers } from './media/media-uploads.ts';
import { attachRealtime } from './realtime/attach-realtime.ts';

/** Starts Verity: configuration, database (embedded unless DATABASE_URL), HTTP, live editing, and a clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  logger.info(config.databaseUrl ? 'using DATABASE_URL' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const database = await openDatabase(config, (line) => logger.debug({ postgres: line.trim() }));
  // One registry for HTTP and sockets: speaker changes made over HTTP reach everyone editing. An empty
  // session stays loaded 30 s after its checkpoint, so a reload reopens without loading it again.
  const liveSessions = createLiveSessions(database.prisma, { keepIdleMs: 30_000 });
  const parsePool = createParsePool({ size: config.importParseWorkers, timeoutMs: config.importParseTimeoutMs, timeoutPerMbMs: config.importParseMsPerMb });
  const mediaStore = createDiskMediaStore(path.join(config.dataDir, 'media'));
  const app = createApp({ prisma: database.prisma, config, logger, liveSessions, parsePool, mediaStore });
  // Upload bytes and transcodes a crash left behind; in the background, a failure only costs disk.
  void sweepMediaLeftovers(database.prisma, mediaStore).then(
    (removed) => removed > 0 && logger.info({ removed }, 'removed media leftovers'),
    (error: unknown) => logger.warn({ err: error }, 'media leftover sweep failed'),
  );
  const server = createServer(app);
  const realtime = attachRealtime({ httpServer: server, prisma: database.prisma, config, logger, liveSessions });
  const autoVersions = startAutoVersions({ prisma: database.prisma, liveSessions, logger, idleMs: config.autoVersionIdleMs, maxMs: config.autoVersionMaxMs });

  let isStopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'shutting down');
    // First, while the database is up: editors are told why, and every open document is checkpointed.
    await realtime.close();
    // Edits not yet in a version get one before the database goes.
    await autoVersions.stop();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // No request is left waiting on a parse now.
    await parsePool.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ port }, 'listening');
  console.log(`\n  Verity is running at http://${host}:${port}\n`);
}

main().catch((error: unknown) => {
  console.error(`Verity could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
