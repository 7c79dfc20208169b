// History figures: comparing two versions of a 40,000-word transcript, log bytes per one-word
// correction (through LiveSession, as the socket path stores them), and listing versions and computing
// blame for a 1,500-turn transcript after 10,000 updates (against a throw-away embedded PostgreSQL).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import {
  compareTranscripts,
  contentKey,
  createTranscriptDoc,
  decodeFrame,
  encodeUpdateFrame,
  hashTranscript,
  transcriptSchema,
  type Transcript,
} from '../../common/src/index.ts';
import { FakeConnection } from '../../server/src/collab/fake-connection.ts';
import { LiveSession } from '../../server/src/collab/live-session.ts';
import { MemoryUpdateStore } from '../../server/src/collab/memory-update-store.ts';
import { normalizeTranscriptDoc } from '../../server/src/collab/normalize-transcript-doc.ts';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { createPrismaClient, type Prisma } from '../../server/src/db/prisma.ts';
import { computeBlame } from '../../server/src/history/compute-blame.ts';
import { createVersion } from '../../server/src/history/create-version.ts';
import { listActivity } from '../../server/src/history/list-activity.ts';
import { listVersions } from '../../server/src/history/list-versions.ts';
import { freePort } from '../../server/src/testing/free-port.ts';

const vocabulary = 'the council met in geneva to discuss budget items and the next session of working group on digital capacity building'.split(' ');

/** A transcript of `turns` turns of `wordsPerTurn` words, three speakers taking turns. */
function buildTranscript(turns: number, wordsPerTurn: number): Transcript {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: 'Bench' },
    speakers: ['A', 'B', 'C'].map((label, k) => ({ id: `s${k + 1}`, label, displayName: label })),
    turns: Array.from({ length: turns }, (_v, k) => ({
      id: `t${k + 1}`,
      speakerId: `s${(k % 3) + 1}`,
      content: [{ type: 'text', text: Array.from({ length: wordsPerTurn }, () => vocabulary[next() % vocabulary.length]).join(' ') + '.' }],
    })),
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(task: () => T, runs: number): { ms: number; result: T } {
  let result = task();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = task();
    timings.push(performance.now() - started);
  }
  return { ms: median(timings), result };
}

async function timeAsync<T>(task: () => Promise<T>, runs: number): Promise<{ ms: number; result: T }> {
  let result = await task();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await task();
    timings.push(performance.now() - started);
  }
  return { ms: median(timings), result };
}

function benchCompare(): void {
  const before = buildTranscript(2_000, 20);
  const after = structuredClone(before);
  // 2% of turns corrected, one relabelled, one split, one merged.
  for (let k = 0; k < after.turns.length; k += 50) {
    const segment = after.turns[k]!.content[0] as { text: string };
    segment.text = segment.text.replace(/^\S+/, 'GFCE');
  }
  after.turns[10]!.speakerId = 's3';
  const split = after.turns[20]!.content[0] as { text: string };
  const words = split.text.split(' ');
  split.text = words.slice(0, 10).join(' ');
  after.turns.splice(21, 0, { id: 'split-1', speakerId: 's2', start: null, end: null, content: [{ type: 'text', text: words.slice(10).join(' ') }] });
  const merged = after.turns[30]!.content[0] as { text: string };
  merged.text += ` ${(after.turns[31]!.content[0] as { text: string }).text}`;
  after.turns.splice(31, 1);
  const wordCount = before.turns.reduce((sum, turn) => sum + (turn.content[0] as { text: string }).text.split(' ').length, 0);
  const { ms, result } = time(() => compareTranscripts(before, after), 9);
  const { stats } = result;
  console.log(`compare ${wordCount.toLocaleString('en')} words: ${ms.toFixed(1)} ms (goal ≤ 100 ms); ${stats.wordsReplaced} replaced, ${stats.turnsSplit} split, ${stats.turnsMerged} merged, ${stats.speakerReassignments} reassigned`);
}

/** Drives `count` one-word corrections by three users through a LiveSession; returns the store. */
async function generateLog(transcript: Transcript, count: number): Promise<{ store: MemoryUpdateStore; transcriptId: string; seed: Uint8Array }> {
  const transcriptId = 'bench';
  const store = new MemoryUpdateStore();
  const seedDoc = createTranscriptDoc(transcript);
  const seed = Y.encodeStateAsUpdate(seedDoc);
  seedDoc.destroy();
  await store.saveCheckpoint(transcriptId, seed, 0);
  const session = await LiveSession.load({ transcriptId, store, normalize: normalizeTranscriptDoc, checkpointEvery: 1_000_000 });
  const users = ['u1', 'u2', 'u3'].map((userId, k) => {
    const doc = new Y.Doc();
    const connection = new FakeConnection(`c${k}`, userId, true, (message) => {
      const frame = decodeFrame(message);
      if (frame.kind === 'update' || frame.kind === 'syncStep2') Y.applyUpdate(doc, frame.update, 'remote');
    });
    session.join(connection);
    return { doc, connection };
  });
  let seed2 = 11;
  const next = () => (seed2 = (seed2 * 1_103_515_245 + 12_345) % 2 ** 31);
  for (let k = 0; k < count; k++) {
    const user = users[k % users.length]!;
    const root = user.doc.get(contentKey, Y.XmlText);
    const blocks = root.toDelta() as { insert: Y.XmlText }[];
    const block = blocks[next() % blocks.length]!.insert;
    const text = (block.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
    const starts = [...text.matchAll(/\S+/g)];
    const word = starts[next() % starts.length]!;
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => origin !== 'remote' && updates.push(update);
    user.doc.on('update', capture);
    user.doc.transact(() => {
      block.delete(word.index, word[0].length);
      block.insert(word.index, vocabulary[next() % vocabulary.length]!);
    });
    user.doc.off('update', capture);
    for (const update of updates) await session.receive(user.connection, encodeUpdateFrame(update));
  }
  await session.close('server_shutdown');
  return { store, transcriptId, seed };
}

async function benchLogBytes(): Promise<void> {
  const corrections = 1_000;
  const { store, transcriptId } = await generateLog(buildTranscript(1_500, 20), corrections);
  const rows = store.rows(transcriptId);
  const bytes = rows.reduce((sum, row) => sum + row.update.byteLength, 0);
  console.log(`log per one-word correction: ${(bytes / corrections).toFixed(1)} B of update (goal ≤ 200 B), ${rows.length} rows for ${corrections} corrections; PostgreSQL adds ~60 B of row and index overhead per row`);
}


async function benchDatabase(): Promise<void> {
  const transcript = buildTranscript(1_500, 20);
  const updates = 10_000;
  const started = performance.now();
  const { store, seed } = await generateLog(transcript, updates);
  const generatedMs = performance.now() - started;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'verity-bench-'));
  // The cluster runs as the unprivileged postgres user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const prisma = createPrismaClient(cluster.url);
  try {
    await migrate(cluster.url);
    const users = await Promise.all(['Ana', 'Ben', 'Cleo'].map((name) => prisma.user.create({ data: { email: `${name}@bench.test`, displayName: name, passwordHash: 'x' } })));
    const userIds = new Map([['u1', users[0]!.id], ['u2', users[1]!.id], ['u3', users[2]!.id]]);
    const created = await prisma.transcript.create({ data: { title: 'Bench', ownerId: users[0]!.id } });
    await prisma.transcriptVersion.create({
      data: { transcriptId: created.id, number: 0, kind: 'import', content: transcript as unknown as Prisma.InputJsonValue, contentSha256: await hashTranscript(transcript), createdById: users[0]!.id },
    });
    await prisma.documentCheckpoint.create({ data: { transcriptId: created.id, uptoSeq: 0, state: new Uint8Array(seed) } });
    const rows = store.rows('bench');
    for (let start = 0; start < rows.length; start += 1_000) {
      await prisma.documentUpdate.createMany({
        data: rows.slice(start, start + 1_000).map((row) => ({ transcriptId: created.id, seq: row.seq, userId: userIds.get(row.userId) ?? null, update: new Uint8Array(row.update) })),
      });
      // Bulk rows bypass the store, so keep the transcript's log position in step by hand.
      await prisma.transcript.update({ where: { id: created.id }, data: { lastSeq: Math.min(start + 1_000, rows.length) } });
      await createVersion({ prisma, transcriptId: created.id, kind: 'auto', actorId: users[0]!.id });
    }
    console.log(`(generated ${rows.length.toLocaleString('en')} log rows through LiveSession in ${(generatedMs / 1000).toFixed(1)} s; ${await prisma.transcriptVersion.count()} versions)`);
    const list = await timeAsync(() => listVersions(prisma, { transcriptId: created.id }), 5);
    console.log(`list versions (1,500 turns, ${list.result.length} versions): ${list.ms.toFixed(1)} ms`);
    const blame = await timeAsync(() => computeBlame(prisma, { transcriptId: created.id }), 3);
    console.log(`blame 1,500 turns after ${rows.length.toLocaleString('en')} updates: ${blame.ms.toFixed(0)} ms (${blame.result.turns.length} turns)`);
    const activity = await timeAsync(() => listActivity(prisma, { transcriptId: created.id }), 3);
    console.log(`activity feed over the same log: ${activity.ms.toFixed(0)} ms (${activity.result.entries.length} newest entries)`);
  } finally {
    await prisma.$disconnect();
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

benchCompare();
await benchLogBytes();
await benchDatabase();
