import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { readMigrations } from './db/migrate.ts';
import { createEmptyDatabase } from './testing/test-database.ts';
import { testPassword } from './testing/factories.ts';
import { freePort } from './testing/free-port.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const started: ChildProcess[] = [];


/** Starts the real entry point, as `npm start` does after building, and waits for its URL line. */
async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

async function postJson(url: string, body: object) {
  const csrf = 'startup-test-csrf-token-0123456789abcdef';
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `verity_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
}

function statusOnNewConnection(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).once('error', reject);
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('start-up', () => {
  it('starts embedded PostgreSQL with no configuration, stops it on Ctrl-C, and keeps the data for the next start', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'verity-start-'));
    await chmod(dataDir, 0o755);
    const env = { PORT: String(await freePort()), VERITY_DATA_DIR: dataDir, VERITY_DB_PORT: String(await freePort()) };
    try {
      const first = await startServer(env);
      expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'up' });
      const setup = await postJson(`${first.url}/api/setup`, { email: 'owner@example.test', displayName: 'Owner', password: testPassword });
      expect(setup.status).toBe(201);
      // The CLI finds the running cluster, uses it, and leaves it running for the server.
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'user', 'list'], {
        cwd: repoRoot,
        env: { ...process.env, ...env, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(cli.stdout).toMatch(/owner@example\.test/);
      expect(first.child.exitCode).toBe(null);
      // A new connection: the earlier keep-alive socket may have timed out while the CLI ran.
      expect(await statusOnNewConnection(`${first.url}/healthz`)).toBe(200);

      const { readFile } = await import('node:fs/promises');
      const postmasterPid = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect(await stop(first.child, 'SIGINT')).toBe(0);
      expect(isRunning(postmasterPid)).toBe(false);

      const second = await startServer(env);
      expect(await (await fetch(`${second.url}/api/setup`)).json()).toMatchObject({ needsSetup: false });
      const login = await postJson(`${second.url}/api/auth/login`, { email: 'owner@example.test', password: testPassword });
      expect(login.status).toBe(200);
      expect(await stop(second.child, 'SIGTERM')).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('two servers started at once against one database migrate it once', async () => {
    const db = await createEmptyDatabase();
    try {
      const [a, b] = await Promise.all([
        startServer({ PORT: String(await freePort()), DATABASE_URL: db.url }),
        startServer({ PORT: String(await freePort()), DATABASE_URL: db.url }),
      ]);
      for (const server of [a, b]) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
      await client.end();
      expect(rows.map((row) => row.migration_name)).toEqual((await readMigrations()).map((m) => m.name));
      await Promise.all([stop(a.child), stop(b.child)]);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
