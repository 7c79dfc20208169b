import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../testing/test-database.ts';
import { migrate, migrationsDir, readMigrations } from './migrate.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  it('applies every migration once and records it the way Prisma does', async () => {
    const db = await createEmptyDatabase();
    try {
      const migrations = await readMigrations();
      expect((await migrate(db.url)).applied).toEqual(migrations.map((m) => m.name));
      expect((await migrate(db.url)).applied).toEqual([]);
      const records = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        db.url,
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(records.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(migrations.map((m) => [m.name, m.checksum, 1]));
      expect(records.every((r) => r.finished_at instanceof Date)).toBe(true);
    } finally {
      await db.drop();
    }
  });

  it('migrates once when several processes start at the same time', async () => {
    const db = await createEmptyDatabase();
    try {
      const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
      const appliedCounts = results.map((r) => r.applied.length).sort();
      const total = (await readMigrations()).length;
      expect(appliedCounts).toEqual([0, 0, total]);
      const [{ count }] = (await query<{ count: string }>(db.url, 'SELECT count(*) FROM "_prisma_migrations"')) as [{ count: string }];
      expect(Number(count)).toBe(total);
    } finally {
      await db.drop();
    }
  });

  it('refuses a migration edited after it was applied, and rolls back a failing one completely', async () => {
    const db = await createEmptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verity-migrations-'));
    try {
      await cp(migrationsDir, dir, { recursive: true });
      await migrate(db.url, { dir });
      const broken = path.join(dir, '99990101000000_broken');
      await mkdir(broken);
      await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
      await expect(migrate(db.url, { dir })).rejects.toThrow(/99990101000000_broken failed/);
      expect(await query(db.url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
      expect(await query(db.url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`)).toEqual([]);

      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited`);
      await expect(migrate(db.url, { dir })).rejects.toThrow(/edited after it was applied/);
    } finally {
      await db.drop();
    }
  });
});
