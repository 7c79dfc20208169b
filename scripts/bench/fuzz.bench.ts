/**
 * Convergence fuzz at scale (issue 9): `npm run bench:fuzz [-- --sessions 1000 --clients 3 --steps 30]`.
 * Each session is a fresh transcript on a real server (socket.io, Postgres) with several editors making
 * random concurrent edits (typing, deletions, splits, merges, relabels, deletions across turns) with
 * random disconnects; it passes when every editor equals a fresh load from the database, every
 * acknowledged update is in it, no honest edit was refused and the stored document is a valid
 * transcript. Prints failing seeds (replay one with --from SEED --sessions 1) and exits 1 on any.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { createPrismaClient } from '../../server/src/db/prisma.ts';
import { runConvergenceFuzz, type FuzzReport } from '../../server/src/testing/convergence-fuzz.ts';
import { freePort } from '../../server/src/testing/free-port.ts';
import { startLiveTestServer } from '../../server/src/testing/live-test-server.ts';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '1000' },
    from: { type: 'string', default: '1' },
    clients: { type: 'string', default: '3' },
    steps: { type: 'string', default: '30' },
    parallel: { type: 'string', default: '4' },
  },
});
const sessions = Number(values.sessions);
const firstSeed = Number(values.from);
const options = { clients: Number(values.clients), steps: Number(values.steps), disconnectRate: 0.05 };

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'verity-fuzz-'));
await chmod(dataDir, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort() });
const prisma = createPrismaClient(cluster.url);
let failed = 0;
try {
  await migrate(cluster.url);
  const server = await startLiveTestServer(prisma);
  const reports: FuzzReport[] = [];
  const durations: number[] = [];
  const started = performance.now();
  let nextSeed = firstSeed;
  const worker = async () => {
    while (nextSeed < firstSeed + sessions) {
      const seed = nextSeed++;
      const at = performance.now();
      let report: FuzzReport;
      try {
        report = await runConvergenceFuzz(prisma, server, seed, options);
      } catch (error) {
        report = { seed, edits: 0, acknowledged: 0, refused: 0, reconnects: 0, problems: [`crashed: ${error instanceof Error ? error.message : String(error)}`] };
      }
      durations.push(performance.now() - at);
      reports.push(report);
      if (report.problems.length > 0) {
        failed++;
        console.log(`seed ${seed}: ${[...new Set(report.problems)].join('; ')}`);
      }
      if (reports.length % 100 === 0) console.log(`… ${reports.length} sessions, ${failed} failed`);
    }
  };
  await Promise.all(Array.from({ length: Number(values.parallel) }, worker));
  await server.close();
  const sum = (key: 'edits' | 'acknowledged' | 'reconnects') => reports.reduce((total, report) => total + report[key], 0);
  durations.sort((a, b) => a - b);
  console.log(
    `${reports.length} sessions (${options.clients} editors × ${options.steps} steps), ${failed} failed; ` +
      `${sum('edits').toLocaleString('en')} edits, ${sum('acknowledged').toLocaleString('en')} acknowledged, ${sum('reconnects')} reconnects; ` +
      `median session ${(durations[Math.floor(durations.length / 2)]! / 1000).toFixed(2)} s, total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
} finally {
  await prisma.$disconnect();
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
