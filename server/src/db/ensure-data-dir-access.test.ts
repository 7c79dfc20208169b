import { chmod, chown, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../testing/free-port.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { ensureDataDirAccess, findPostgresUser } from './ensure-data-dir-access.ts';

const isRoot = process.getuid?.() === 0;
/** A postgres account that owns nothing yet, as on a first start. */
const postgresUser = { uid: 4242, gid: 4242 };
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
    const notice = await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o701);
    expect(notice).toMatch(/mode 700 → 701/);
    expect(await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser })).toBeNull();
  });

  it('leaves folders alone when not running as root', async () => {
    const dataDir = await privateDir();
    expect(await ensureDataDirAccess(dataDir, { isRoot: false, postgresUser })).toBeNull();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('stops with one line naming the folder above that the postgres user cannot enter, and changes nothing', async () => {
    const parent = await privateDir();
    const dataDir = path.join(parent, 'data');
    await mkdir(dataDir, { mode: 0o700 });
    const failure = ensureDataDirAccess(dataDir, { isRoot: true, postgresUser });
    await expect(failure).rejects.toThrow(`cannot enter ${parent} (mode 700)`);
    await expect(ensureDataDirAccess(dataDir, { isRoot: true, postgresUser })).rejects.toThrow(`"chmod o+x ${parent}"`);
    const message = await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser }).catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect((await stat(parent)).mode & 0o777).toBe(0o700);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });
});

describe.runIf(isRoot)('ensureDataDirAccess with real ownership', () => {
  it('lets the postgres user pass through a folder above by its group, without touching it', async () => {
    const parent = await privateDir();
    await chown(parent, 0, postgresUser.gid);
    await chmod(parent, 0o710);
    const dataDir = path.join(parent, 'data');
    await mkdir(dataDir, { mode: 0o700 });
    expect(await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser })).toMatch(/enterable/);
    expect((await stat(parent)).mode & 0o777).toBe(0o710);
  });

  it('stops with one line when the database belongs to another account', async () => {
    const dataDir = await privateDir();
    await mkdir(path.join(dataDir, 'postgres'), { mode: 0o700 });
    const message = await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser }).catch((error: Error) => error.message);
    expect(message).toContain(`the database in ${path.join(dataDir, 'postgres')} belongs to uid 0`);
    expect(message).toContain(`"chown -R postgres:postgres ${path.join(dataDir, 'postgres')}"`);
    expect(message).not.toContain('\n');
    await chown(path.join(dataDir, 'postgres'), postgresUser.uid, postgresUser.gid);
    expect(await ensureDataDirAccess(dataDir, { isRoot: true, postgresUser })).toMatch(/enterable/);
  });

  it('finds the postgres account embedded-postgres created', async () => {
    const user = await findPostgresUser();
    if (user) expect(Number.isInteger(user.uid) && user.uid > 0).toBe(true);
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
