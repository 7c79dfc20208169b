import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  contentKey,
  maxFrameBytes,
  readTranscriptDoc,
  turnPlainText,
  type ClientToServerEvents,
  type DocAck,
  type JoinAck,
  type ServerToClientEvents,
} from '@verity/common';
import { createSession } from '../accounts/sessions.ts';
import { LiveSessions } from '../collab/live-sessions.ts';
import { PostgresUpdateStore } from '../collab/postgres-update-store.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { buildApp, buildTranscript, buildUser } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { LiveClient, until } from '../testing/live-test-server.ts';
import { attachRealtime, type Realtime } from './attach-realtime.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let db: TestDatabase;
let server: Server;
let realtime: Realtime;
let url: string;
const sockets: ClientSocket[] = [];

async function startServer(): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test' });
  server = createServer(buildApp(db.prisma));
  realtime = attachRealtime({ httpServer: server, prisma: db.prisma, config, logger: createLogger({ level: 'silent' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stopServer(): Promise<void> {
  await realtime.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

beforeAll(async () => {
  db = await createTestDatabase();
  await startServer();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(async () => {
  await stopServer();
  await db.drop();
});

async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(db.prisma, { userId, ttlMs: 60_000 });
  return `verity_session=${token}`;
}

function openSocket(headers: Record<string, string>): ClientSocket {
  const socket: ClientSocket = connectSocket(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(socket);
  return socket;
}

function connectError(socket: ClientSocket): Promise<string> {
  return new Promise((resolve) => socket.once('connect_error', (error) => resolve(error.message)));
}

/** Joins over a fresh socket; the ack is returned, not checked, so refusals can be tested. */
async function join(cookie: string, transcriptId: string): Promise<{ client: LiveClient; ack: JoinAck }> {
  const client = new LiveClient(openSocket({ cookie }), transcriptId);
  const ack = await client.socket.emitWithAck('join', { transcriptId });
  return { client, ack };
}

async function setUpTranscript() {
  const [owner, editor, viewer, stranger] = await Promise.all([buildUser(db.prisma), buildUser(db.prisma), buildUser(db.prisma), buildUser(db.prisma)]);
  const transcript = await buildTranscript(db.prisma, {
    ownerId: owner.id,
    members: [
      { userId: editor.id, role: 'editor' },
      { userId: viewer.id, role: 'viewer' },
    ],
  });
  return { transcript, owner, editor, viewer, stranger };
}

const countUpdates = (transcriptId: string) => db.prisma.documentUpdate.count({ where: { transcriptId } });

describe('realtime over socket.io', () => {
  it('refuses connections without a valid session, and from another site', async () => {
    expect(await connectError(openSocket({}))).toBe('unauthenticated');
    expect(await connectError(openSocket({ cookie: 'verity_session=forged' }))).toBe('unauthenticated');
    const user = await buildUser(db.prisma);
    const foreign = openSocket({ cookie: await cookieFor(user.id), origin: 'https://evil.example' });
    expect(await connectError(foreign)).not.toBe('');
    expect(foreign.connected).toBe(false);
  });

  it('answers a non-member join with not_found, a closed event and a disconnect', async () => {
    const { transcript, stranger } = await setUpTranscript();
    const { client, ack } = await join(await cookieFor(stranger.id), transcript.id);
    expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: 'Transcript not found.' } });
    await until(() => client.socket.disconnected, 'disconnect');
    expect(client.closed).toEqual([{ transcriptId: transcript.id, reason: 'not_found', message: 'Transcript not found.' }]);
  });

  it('lets a viewer watch but rejects and does not store its forged update', async () => {
    const { transcript, owner, viewer } = await setUpTranscript();
    const { client: watcher, ack } = await join(await cookieFor(viewer.id), transcript.id);
    expect(ack).toEqual({ ok: true, role: 'viewer', userId: viewer.id });
    const { client: writer } = await join(await cookieFor(owner.id), transcript.id);
    await until(() => watcher.doc.get(contentKey, Y.XmlText).length > 0, 'viewer handshake');

    writer.type('Owner: ');
    expect(await Promise.all(writer.pending)).toContainEqual({ ok: true, seq: 1 });
    await until(() => watcher.firstTurnText() === 'Owner: ', 'viewer to receive the update');
    // The handshake reply of a viewer is an empty step 2: acknowledged, nothing stored.
    expect((await Promise.all(watcher.pending)).every((reply) => reply.ok)).toBe(true);

    watcher.pending.length = 0;
    watcher.type('forged ');
    expect(await Promise.all(watcher.pending)).toEqual([{ ok: false, error: { code: 'forbidden', message: expect.any(String) } }]);
    expect(await countUpdates(transcript.id)).toBe(1);
    expect(writer.firstTurnText()).toBe('Owner: ');
    expect(watcher.socket.connected).toBe(true);
  });

  it('converges two editors’ concurrent edits and stores each with its author', async () => {
    const { transcript, owner, editor } = await setUpTranscript();
    const { client: alice } = await join(await cookieFor(owner.id), transcript.id);
    const { client: bob } = await join(await cookieFor(editor.id), transcript.id);
    await until(() => alice.doc.get(contentKey, Y.XmlText).length > 0 && bob.doc.get(contentKey, Y.XmlText).length > 0, 'handshakes');

    for (let round = 0; round < 5; round++) {
      alice.type('a');
      bob.type('b');
    }
    const acks = [...(await Promise.all(alice.pending)), ...(await Promise.all(bob.pending))];
    expect(acks.every((reply) => reply.ok)).toBe(true);
    await until(() => alice.firstTurnText().length === 10 && alice.firstTurnText() === bob.firstTurnText(), 'convergence');
    expect(alice.firstTurnText().replace(/b/g, '')).toBe('aaaaa');

    const rows = await db.prisma.documentUpdate.findMany({ where: { transcriptId: transcript.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(rows.filter((row) => row.userId === owner.id)).toHaveLength(5);
    expect(rows.filter((row) => row.userId === editor.id)).toHaveLength(5);
  });

  it('answers malformed frames with error acks and keeps the connection', async () => {
    const { transcript, owner } = await setUpTranscript();
    const { client } = await join(await cookieFor(owner.id), transcript.id);
    const bad = (payload: unknown) => (client.socket.emitWithAck as (event: string, payload: unknown) => Promise<DocAck>)('doc', payload);

    const garbage = await client.send(new Uint8Array([0, 9, 200, 1, 2]));
    expect(garbage).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await bad({ transcriptId: 5, frame: 'not bytes' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await bad(null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await client.send(new Uint8Array(maxFrameBytes + 1))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const notJoined = await bad({ transcriptId: '00000000-0000-4000-8000-000000000000', frame: new Uint8Array([3]) });
    expect(notJoined).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    expect(client.socket.connected).toBe(true);
    client.pending.length = 0;
    client.type('still here');
    expect(await Promise.all(client.pending)).toEqual([{ ok: true, seq: expect.any(Number) }]);
  });

  it('keeps every acknowledged update across a server restart', async () => {
    const { transcript, owner, editor } = await setUpTranscript();
    const { client: alice } = await join(await cookieFor(owner.id), transcript.id);
    const { client: bob } = await join(await cookieFor(editor.id), transcript.id);
    await until(() => alice.doc.get(contentKey, Y.XmlText).length > 0 && bob.doc.get(contentKey, Y.XmlText).length > 0, 'handshakes');
    alice.type('one ');
    bob.type('two ');
    alice.type('three ');
    await Promise.all([...alice.pending, ...bob.pending]);
    await until(() => alice.firstTurnText() === bob.firstTurnText(), 'convergence');
    const acknowledged = alice.firstTurnText();

    await stopServer();
    expect(alice.closed.map((event) => event.reason)).toEqual(['server_shutdown']);
    const checkpoint = await db.prisma.documentCheckpoint.findFirst({ where: { transcriptId: transcript.id }, orderBy: { uptoSeq: 'desc' } });
    expect(checkpoint?.uptoSeq).toBe(await countUpdates(transcript.id));
    // A fresh registry over the same database, as after a restart: checkpoint plus log.
    const reloaded = new LiveSessions({ store: new PostgresUpdateStore(db.prisma) });
    const session = await reloaded.get(transcript.id);
    expect(turnPlainText(readTranscriptDoc(session.doc).turns[0]!)).toBe(acknowledged);
    expect(session.lastSeq).toBe(await countUpdates(transcript.id));
    await reloaded.closeAll('server_shutdown');
    await startServer();
    // And over the wire: a client of the restarted server gets the same text.
    const { client: carol } = await join(await cookieFor(owner.id), transcript.id);
    await until(() => carol.doc.get(contentKey, Y.XmlText).length > 0, 'handshake after restart');
    expect(carol.firstTurnText()).toBe(acknowledged);
    await Promise.all(carol.pending);
  });

  it('keeps every update acknowledged while the server shuts down mid-typing', async () => {
    const { transcript, owner } = await setUpTranscript();
    const { client: alice } = await join(await cookieFor(owner.id), transcript.id);
    await until(() => alice.doc.get(contentKey, Y.XmlText).length > 0, 'handshake');
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stopping: Promise<void> | null = null;
    for (let i = 0; i < 40; i++) {
      const word = `w${i}|`;
      alice.type(word);
      // Acks from a stopped server never come (the emit fails when the socket closes): record them as
      // they arrive instead of awaiting all.
      void alice.pending.at(-1)?.then(
        (ack) => (ack.ok ? acknowledged : refused).push(word),
        () => undefined,
      );
      if (i === 15) stopping = stopServer();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await stopping;
    // Whatever was still in flight fails when the socket is closed after the test: expected here.
    for (const reply of alice.pending) reply.catch(() => undefined);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(40);

    await startServer();
    const { client: reader } = await join(await cookieFor(owner.id), transcript.id);
    await until(() => reader.doc.get(contentKey, Y.XmlText).length > 0, 'handshake after restart');
    const text = reader.firstTurnText();
    for (const word of acknowledged) expect(text).toContain(word);
    for (const word of refused) expect(text).not.toContain(word);
    await Promise.all(reader.pending);
  });
});
