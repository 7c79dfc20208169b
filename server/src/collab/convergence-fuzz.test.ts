import { describe, expect, it } from 'vitest';
import { runConvergenceFuzz } from '../testing/convergence-fuzz.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';

// A small, seeded run of the convergence fuzz (the benchmark, `npm run bench:fuzz`, runs 1,000+ sessions).

const live = useLiveTestServer();

describe('concurrent random edits with disconnects', { timeout: 120_000 }, () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: every editor equals a fresh load, every acknowledged edit is stored, none refused', async (seed) => {
    const report = await runConvergenceFuzz(live.db.prisma, live.server, seed, { clients: 3, steps: 30, disconnectRate: 0.05 });
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(30);
    expect(report.reconnects).toBeGreaterThan(0);
  });
});
