import { afterAll, beforeAll } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './live-test-server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** A test file's own migrated database and live server, started before its tests and stopped after. */
export interface LiveTestContext {
  readonly db: TestDatabase;
  readonly server: LiveTestServer;
}

/** Registers the hooks that start and stop a file's live test server; read `db` and `server` inside tests. */
export function useLiveTestServer(): LiveTestContext {
  let db: TestDatabase | undefined;
  let server: LiveTestServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startLiveTestServer(db.prisma);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the live test ${name} is read before beforeAll started it`);
    return value;
  };
  return {
    get db() {
      return started(db, 'database');
    },
    get server() {
      return started(server, 'server');
    },
  };
}
