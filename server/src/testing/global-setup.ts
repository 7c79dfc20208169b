import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrate } from '../db/migrate.ts';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on the run's throw-away cluster; tests clone `verity_template` from it. */
    adminDatabaseUrl: string;
  }
}

/** One throw-away PostgreSQL per test run, with a migrated template database each test file clones. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const existing = process.env.VERITY_TEST_DATABASE_URL;
  const dataDir = existing ? null : await mkdtemp(path.join(os.tmpdir(), 'verity-test-'));
  // The cluster runs as the unprivileged postgres user, which must be able to enter this folder.
  if (dataDir) await chmod(dataDir, 0o755);
  const cluster = existing ? null : await startEmbeddedPostgres({ dataDir: dataDir!, port: await freePort() });
  const adminUrl = existing ?? cluster!.url;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS verity_template');
  await admin.query('CREATE DATABASE verity_template');
  await admin.end();
  await migrate(withDatabase(adminUrl, 'verity_template'));
  project.provide('adminDatabaseUrl', adminUrl);

  return async () => {
    await cluster?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

