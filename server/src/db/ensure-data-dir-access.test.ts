import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { ensureDataDirAccess } from './ensure-data-dir-access.ts';

const isRoot = process.getuid?.() === 0;
const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder made like `mkdir -m 0700` (mkdtemp's own mode). */
async function privateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'verity-perm-'));
  made.push(dir);
  expect((await stat(dir)).mode & 0o777).toBe(0o700);
  return dir;
}

describe('ensureDataDirAccess', () => {
  it('gives a 0700 data folder the search bit for others, and nothing more', async () => {
    const dataDir = await privateDir();
    const notice = await ensureDataDirAccess(dataDir, { isRoot: true });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o701);
    expect(notice).toMatch(/mode 700 → 701/);
    expect(await ensureDataDirAccess(dataDir, { isRoot: true })).toBeNull();
  });

  it('leaves folders alone when not running as root', async () => {
    const dataDir = await privateDir();
    expect(await ensureDataDirAccess(dataDir, { isRoot: false })).toBeNull();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('stops with one line naming the folder above that the postgres user cannot enter, and changes nothing', async () => {
    const parent = await privateDir();
    const dataDir = path.join(parent, 'data');
    await mkdir(dataDir, { mode: 0o700 });
    const failure = ensureDataDirAccess(dataDir, { isRoot: true });
    await expect(failure).rejects.toThrow(`cannot enter ${parent} (mode 700)`);
    await expect(ensureDataDirAccess(dataDir, { isRoot: true })).rejects.toThrow(`"chmod o+x ${parent}"`);
    const message = await ensureDataDirAccess(dataDir, { isRoot: true }).catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect((await stat(parent)).mode & 0o777).toBe(0o700);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });
});

describe.runIf(isRoot)('the embedded PostgreSQL started as root', () => {
  it('starts in a data folder created with mode 0700', { timeout: 60_000 }, async () => {
    const dataDir = await privateDir();
    const notices: string[] = [];
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), onNotice: (line) => notices.push(line) });
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await cluster.stop();
    }
    expect(notices).toHaveLength(1);
    expect((await stat(path.join(dataDir, 'db-credentials.json'))).mode & 0o777).toBe(0o600);
  });
});
