import { io as connectSocket, type Socket } from 'socket.io-client';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  csrfCookieName,
  csrfHeaderName,
  decodeFrame,
  fileNameHeaderName,
  maxFrameBytes,
  readTranscriptDoc,
  turnPlainText,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@verity/common';
import { buildLargeCart } from '@verity/common/testing/large-cart';
import { createSession } from '../accounts/sessions.ts';
import { createParsePool, type ParsePool } from '../imports/parse-pool.ts';
import { loadConfig } from '../config.ts';
import { buildUser } from '../testing/factories.ts';
import { startLiveTestServer, until, type LiveTestServer } from '../testing/live-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const csrf = 'test-csrf-token-0123456789abcdefghijkl';
let db: TestDatabase;
let live: LiveTestServer;
let parsePool: ParsePool;

beforeAll(async () => {
  db = await createTestDatabase();
  // Reading 20 MiB (and encoding its seed) can take longer than the default budget on a loaded machine.
  parsePool = createParsePool({ size: 1, timeoutMs: 120_000 });
  live = await startLiveTestServer(db.prisma, { parsePool });
});
afterAll(async () => {
  await live.close();
  await parsePool.close();
  await db.drop();
});

describe('the largest importable transcript over the live socket', () => {
  it('imports a file at the upload limit and sends its whole first sync, larger than any client frame may be', { timeout: 180_000 }, async () => {
    const { maxUploadBytes } = loadConfig({ NODE_ENV: 'test' });
    const owner = await buildUser(db.prisma);
    const { token } = await createSession(db.prisma, { userId: owner.id, ttlMs: 600_000 });
    const { text, turns, lastMarker } = buildLargeCart(maxUploadBytes - 64);
    expect(text.length).toBeGreaterThan(maxUploadBytes - 4096);

    const response = await supertest(live.app)
      .post('/api/imports?format=cart&title=Largest')
      .set('Cookie', `verity_session=${token}; ${csrfCookieName}=${csrf}`)
      .set(csrfHeaderName, csrf)
      .set('Content-Type', 'application/octet-stream')
      .set(fileNameHeaderName, 'largest.txt')
      .send(Buffer.from(text));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const transcriptId = (response.body as { transcript: { id: string } }).transcript.id;

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(live.url, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
    const doc = new Y.Doc();
    const firstSync: number[] = [];
    socket.on('doc', ({ frame }) => {
      const decoded = decodeFrame(new Uint8Array(frame));
      if (decoded.kind !== 'syncStep2') return;
      firstSync.push(frame.byteLength);
      Y.applyUpdate(doc, decoded.update);
    });
    const ack = await socket.emitWithAck('join', { transcriptId });
    expect(ack).toMatchObject({ ok: true, role: 'owner' });
    await until(() => firstSync.length > 0, 'the first sync', 60_000);

    console.log(`upload ${(text.length / 2 ** 20).toFixed(1)} MiB, ${turns} turns → first sync frame ${(firstSync[0]! / 2 ** 20).toFixed(1)} MiB`);
    expect(firstSync[0]).toBeGreaterThan(maxFrameBytes);
    const transcript = readTranscriptDoc(doc);
    expect(transcript.turns).toHaveLength(turns);
    expect(turnPlainText(transcript.turns.at(-1)!)).toContain(lastMarker);
    socket.disconnect();
  });
});
