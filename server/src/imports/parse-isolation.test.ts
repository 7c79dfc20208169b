import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfCookieName, csrfHeaderName, fileNameHeaderName } from '@verity/common';
import { pathologicalInputs } from '../../../common/src/testing/pathological-inputs.ts';
import { createSession } from '../accounts/sessions.ts';
import { buildTranscript, buildUser } from '../testing/factories.ts';
import { startLiveTestServer, type LiveClient, type LiveTestServer } from '../testing/live-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createParsePool, type ParsePool } from './parse-pool.ts';

// The bound on another user's edit round trip while someone uploads a hostile file.
const maxRoundTripMs = 100;
const budgetMs = 250;

let db: TestDatabase;
let pool: ParsePool;
let live: LiveTestServer;
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createParsePool({ size: 1, timeoutMs: budgetMs });
  live = await startLiveTestServer(db.prisma, { parsePool: pool });
});
afterAll(async () => {
  await live.close();
  await pool.close();
  await db.drop();
});

const csrf = 'isolation-test-csrf-token-0123456789';

/** Uploads bytes as a signed-in user over the real HTTP port; the answer and how long it took. */
async function upload(userId: string, path: '/preview' | '', bytes: Uint8Array) {
  const { token } = await createSession(db.prisma, { userId, ttlMs: 60_000 });
  const started = performance.now();
  const response = await fetch(`${live.url}/api/imports${path}`, {
    method: 'POST',
    headers: { cookie: `verity_session=${token}; ${csrfCookieName}=${csrf}`, [csrfHeaderName]: csrf, [fileNameHeaderName]: 'hostile.txt', 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, body, ms: performance.now() - started };
}

/** A ready worker: the budget, not a worker's start-up (after a timeout killed one), is what the next request meets. */
async function warmUp(userId: string): Promise<void> {
  expect((await upload(userId, '/preview', new TextEncoder().encode('>> A: warm up'))).status).toBe(200);
}

/** Edit round trips (type a letter, wait for the server's ack) every 10 ms until `isDone` or `count` of them. */
async function editRoundTrips(editor: LiveClient, isDone: () => boolean, count: number): Promise<number[]> {
  const trips: number[] = [];
  while (!isDone() && trips.length < count) {
    const started = performance.now();
    editor.type('x');
    await editor.settle();
    trips.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return trips;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function format(trips: number[]): string {
  return trips.map((trip) => trip.toFixed(0)).join(' ');
}

function worstInput(name: string, size: number): Uint8Array {
  const input = pathologicalInputs.find((each) => each.name === name);
  if (!input) throw new Error(`no pathological input "${name}"`);
  const generated = input.generate(size);
  return typeof generated === 'string' ? new TextEncoder().encode(generated) : generated;
}

describe('a pathological upload does not stall anyone else', () => {
  it('preview answers within the budget (422) while another user edits live with round trips around 100 ms at most', async () => {
    const [alice, mallory] = [await buildUser(db.prisma), await buildUser(db.prisma)];
    const transcript = await buildTranscript(db.prisma, { ownerId: alice.id });
    const editor = await live.join(alice.id, transcript.id);
    // The slowest linear input we know, big enough to take seconds: the 422 below shows it outlasted the
    // budget, so read on the event loop it would have held every edit for at least that long.
    const hostile = worstInput('cart: thousands of similar speaker labels', 2 * 1024 * 1024);
    await warmUp(mallory.id);

    const before = await editRoundTrips(editor, () => false, 20);
    let isAnswered = false;
    const answer = upload(mallory.id, '/preview', hostile).finally(() => {
      isAnswered = true;
    });
    const roundTrips = await editRoundTrips(editor, () => isAnswered, Number.POSITIVE_INFINITY);
    const { status, body, ms } = await answer;
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: 'file_too_costly', message: 'This file took too long to read; is it a transcript?' });
    // The budget plus the upload itself and a worker's termination.
    expect(ms).toBeLessThan(budgetMs + 1_500);
    expect(roundTrips.length).toBeGreaterThanOrEqual(3);
    const summary = `round trips (ms) while idle: ${format(before)}; during the upload: ${format(roundTrips)}; answered in ${ms.toFixed(0)} ms`;
    if (process.env.VERITY_TEST_VERBOSE) console.log(summary);
    // Parsing on the event loop would hold one trip for the whole budget at least; no trip may reach it,
    // and the typical one stays under the 100 ms. Single trips on this shared two-core machine
    // spike past 100 ms when idle too, so the maximum is bounded by the budget.
    expect(median(roundTrips), summary).toBeLessThan(maxRoundTripMs);
    expect(Math.max(...roundTrips), summary).toBeLessThan(budgetMs);
    expect(editor.firstTurnText()).toBe('x'.repeat(before.length + roundTrips.length));
  });

  it('an import of the same file is refused the same way and stores nothing', async () => {
    const mallory = await buildUser(db.prisma);
    await warmUp(mallory.id);
    const { status, body } = await upload(mallory.id, '', worstInput('cart: thousands of similar speaker labels', 2 * 1024 * 1024));
    expect(status).toBe(422);
    expect(body.error?.code).toBe('file_too_costly');
    expect(await db.prisma.membership.count({ where: { userId: mallory.id } })).toBe(0);
  });

  it('a file that was quadratic before (a megabyte of blanks before ">>") is now read within the budget', async () => {
    const mallory = await buildUser(db.prisma);
    await warmUp(mallory.id);
    const { status, ms } = await upload(mallory.id, '/preview', worstInput('cart: a run of spaces before >>', 1024 * 1024));
    expect(status).toBe(200);
    expect(ms).toBeLessThan(budgetMs + 1_500);
  });
});
