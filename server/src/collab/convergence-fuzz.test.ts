import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConvergenceFuzz } from '../testing/convergence-fuzz.ts';
import { startLiveTestServer, type LiveTestServer } from '../testing/live-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

// A small, seeded run of the convergence fuzz (the benchmark, `npm run bench:fuzz`, runs 1,000+ sessions).

let db: TestDatabase;
let server: LiveTestServer;
beforeAll(async () => {
  db = await createTestDatabase();
  server = await startLiveTestServer(db.prisma);
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('concurrent random edits with disconnects', { timeout: 120_000 }, () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: every editor equals a fresh load, every acknowledged edit is stored, none refused', async (seed) => {
    const report = await runConvergenceFuzz(db.prisma, server, seed, { clients: 3, steps: 30, disconnectRate: 0.05 });
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(30);
    expect(report.reconnects).toBeGreaterThan(0);
  });
});
