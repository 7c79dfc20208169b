import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { io as connectSocket } from 'socket.io-client';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { csrfCookieName, csrfHeaderName, encodeSyncStep2Frame, turnPlainText, type DocAck, type RoleEvent } from '@verity/common';
import { createSession } from '../accounts/sessions.ts';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { buildTranscript, buildUser } from '../testing/factories.ts';
import { LiveClient, until } from '../testing/live-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { attachRealtime, type Realtime } from './attach-realtime.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const csrf = 'test-csrf-token-0123456789abcdefghijkl';
let db: TestDatabase;
let app: ReturnType<typeof createApp>;
let server: Server;
let realtime: Realtime;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test' });
  const logger = createLogger({ level: 'silent' });
  const liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config, logger, liveSessions });
  server = createServer(app);
  realtime = attachRealtime({ httpServer: server, prisma: db.prisma, config, logger, liveSessions });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await realtime.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.drop();
});

/** Signs a user in; `http` sends requests as that session (with the CSRF pair the client sends). */
async function signIn(userId: string) {
  const { token } = await createSession(db.prisma, { userId, ttlMs: 3_600_000 });
  const cookie = `verity_session=${token}; ${csrfCookieName}=${csrf}`;
  const send = (request: supertest.Test) => request.set('Cookie', cookie).set(csrfHeaderName, csrf);
  return {
    token,
    http: {
      patch: (path: string, body: object) => send(supertest(app).patch(path)).send(body),
      post: (path: string, body: object) => send(supertest(app).post(path)).send(body),
      delete: (path: string) => send(supertest(app).delete(path)),
    },
  };
}

async function joinAs(token: string, transcriptId: string): Promise<{ client: LiveClient; roles: RoleEvent[] }> {
  const socket = connectSocket(url, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
  const client = new LiveClient(socket, transcriptId);
  const roles: RoleEvent[] = [];
  socket.on('role', (event) => roles.push(event));
  const ack = await socket.emitWithAck('join', { transcriptId });
  if (!ack.ok) throw new Error(ack.error.message);
  await until(() => client.transcript.turns.length > 0, 'the handshake');
  return { client, roles };
}

/** Types a numbered token (`k7;`) every 40 ms (a fast typist, within the fair share) and records when each was sent and how it was answered. */
function startTyping(client: LiveClient) {
  const sent: { n: number; at: number; ack: Promise<DocAck | null> }[] = [];
  let n = 0;
  const timer = setInterval(() => {
    // Typing goes on after a close (socket.io buffers those frames; they never reach the server).
    client.type(`k${n};`);
    const ack = client.pending.at(-1)!;
    // A frame in flight when the socket is closed never gets an ack: count it as unanswered.
    sent.push({ n, at: Date.now(), ack: Promise.race([ack.catch(() => null), new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_500))]) });
    n++;
  }, 40);
  return {
    sent,
    async stop() {
      clearInterval(timer);
      return Promise.all(sent.map(async (entry) => ({ ...entry, ack: await entry.ack })));
    },
  };
}

async function storedText(transcriptId: string): Promise<string> {
  const { transcript } = await readCurrentTranscript({ prisma: db.prisma, transcriptId });
  return transcript.turns.map(turnPlainText).join('\n');
}

/** Asserts the revocation's boundary: nothing sent after `at` was acknowledged or stored. */
async function expectNothingStoredAfter(typing: ReturnType<typeof startTyping>, at: number, transcriptId: string) {
  const results = await typing.stop();
  const before = results.filter((entry) => entry.at < at - 5);
  const after = results.filter((entry) => entry.at > at);
  expect(before.some((entry) => entry.ack?.ok)).toBe(true);
  expect(after.length).toBeGreaterThan(3);
  expect(after.filter((entry) => entry.ack?.ok)).toEqual([]);
  const text = await storedText(transcriptId);
  for (const entry of after) expect(text).not.toContain(`k${entry.n};`);
  // Everything acknowledged is stored.
  for (const entry of results.filter((e) => e.ack?.ok)) expect(text).toContain(`k${entry.n};`);
  return results;
}

async function setUp() {
  const [owner, editor] = await Promise.all([buildUser(db.prisma), buildUser(db.prisma)]);
  const transcript = await buildTranscript(db.prisma, { ownerId: owner.id, members: [{ userId: editor.id, role: 'editor' }] });
  return { owner, editor, transcript, ownerSession: await signIn(owner.id), editorSession: await signIn(editor.id) };
}

const typeFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('revocation reaches open connections', { timeout: 60_000 }, () => {
  it('downgrades a demoted editor to read-only at once, with a role event, keeping the connection', async () => {
    const { editor, transcript, ownerSession, editorSession } = await setUp();
    const { client, roles } = await joinAs(editorSession.token, transcript.id);
    const typing = startTyping(client);
    await typeFor(300);
    const response = await ownerSession.http.patch(`/api/transcripts/${transcript.id}/members/${editor.id}`, { role: 'viewer' });
    const at = Date.now();
    expect(response.status).toBe(200);
    await until(() => roles.length > 0, 'the role event');
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(roles).toEqual([{ transcriptId: transcript.id, role: 'viewer' }]);
    await typeFor(300);
    const results = await expectNothingStoredAfter(typing, at, transcript.id);
    expect(results.filter((e) => e.at > at).every((e) => e.ack && !e.ack.ok && e.ack.error.code === 'forbidden')).toBe(true);
    expect(client.socket.connected).toBe(true);

    // Promoted again: the same connection may write again. Its copy holds the refused edits, which
    // its next update builds on, so it resyncs as a provider does (step 2 against the server's state).
    await ownerSession.http.patch(`/api/transcripts/${transcript.id}/members/${editor.id}`, { role: 'editor' });
    await until(() => roles.length === 2, 'the second role event');
    expect(roles[1]).toEqual({ transcriptId: transcript.id, role: 'editor' });
    client.pending.length = 0;
    const serverDoc = realtime.liveSessions.peek(transcript.id).then((session) => session!.doc);
    expect(await client.send(encodeSyncStep2Frame(Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(await serverDoc))))).toMatchObject({ ok: true });
    client.type('back;');
    await client.settle();
    expect(await storedText(transcript.id)).toContain('back;');
    client.socket.disconnect();
  });

  it('closes a removed member’s connection with forbidden', async () => {
    const { editor, transcript, ownerSession, editorSession } = await setUp();
    const { client } = await joinAs(editorSession.token, transcript.id);
    const typing = startTyping(client);
    await typeFor(300);
    expect((await ownerSession.http.delete(`/api/transcripts/${transcript.id}/members/${editor.id}`)).status).toBe(204);
    const at = Date.now();
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(client.closed).toEqual([{ transcriptId: transcript.id, reason: 'forbidden', message: 'You were removed from this transcript.' }]);
    await typeFor(300);
    await expectNothingStoredAfter(typing, at, transcript.id);
  });

  it('closes every connection to a deleted transcript with not_found', async () => {
    const { transcript, ownerSession, editorSession } = await setUp();
    const { client } = await joinAs(editorSession.token, transcript.id);
    const typing = startTyping(client);
    await typeFor(300);
    expect((await ownerSession.http.delete(`/api/transcripts/${transcript.id}`)).status).toBe(204);
    const at = Date.now();
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(client.closed[0]).toMatchObject({ reason: 'not_found', message: 'This transcript was deleted.' });
    const results = await typing.stop();
    expect(results.filter((e) => e.at > at && e.ack?.ok)).toEqual([]);
    expect(await db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it('closes the connections of a session that logs out, and only those', async () => {
    const { editor, transcript, editorSession } = await setUp();
    const other = await signIn(editor.id);
    const { client } = await joinAs(editorSession.token, transcript.id);
    const { client: otherTab } = await joinAs(other.token, transcript.id);
    const typing = startTyping(client);
    await typeFor(300);
    expect((await editorSession.http.post('/api/auth/logout', {})).status).toBe(204);
    const at = Date.now();
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(client.closed[0]).toMatchObject({ reason: 'unauthenticated' });
    await typeFor(300);
    await expectNothingStoredAfter(typing, at, transcript.id);
    expect(otherTab.socket.connected).toBe(true);
    otherTab.socket.disconnect();
  });

  it('closes the other sessions’ connections after a password change, not the one that made it', async () => {
    const { editor, transcript, editorSession } = await setUp();
    const laptop = await signIn(editor.id);
    const { client } = await joinAs(laptop.token, transcript.id);
    const { client: sameSession } = await joinAs(editorSession.token, transcript.id);
    const typing = startTyping(client);
    await typeFor(300);
    const response = await editorSession.http.post('/api/auth/password', { currentPassword: 'correct horse battery staple', newPassword: 'another long passphrase' });
    const at = Date.now();
    expect(response.status).toBe(204);
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(Date.now() - at).toBeLessThan(1_000);
    expect(client.closed[0]).toMatchObject({ reason: 'unauthenticated' });
    await typeFor(300);
    await expectNothingStoredAfter(typing, at, transcript.id);
    expect(sameSession.socket.connected).toBe(true);
    sameSession.socket.disconnect();
  });

  it('applies a role change and an expired session made behind its back (another process) within a second', async () => {
    const { editor, transcript, editorSession } = await setUp();
    const { client, roles } = await joinAs(editorSession.token, transcript.id);
    await db.prisma.membership.update({ where: { transcriptId_userId: { transcriptId: transcript.id, userId: editor.id } }, data: { role: 'viewer' } });
    const changedAt = Date.now();
    await until(() => roles.length > 0, 'the role event');
    expect(Date.now() - changedAt).toBeLessThan(1_000);
    expect(roles).toEqual([{ transcriptId: transcript.id, role: 'viewer' }]);
    client.pending.length = 0;
    client.type('refused;');
    expect(await client.pending[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await db.prisma.session.updateMany({ where: { userId: editor.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const expiredAt = Date.now();
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(Date.now() - expiredAt).toBeLessThan(1_000);
    expect(client.closed[0]).toMatchObject({ reason: 'unauthenticated' });
    expect(await storedText(transcript.id)).not.toContain('refused;');
  });

  it('closes the connections of a user whose password the CLI reset, from another process, within a second', async () => {
    const { editor, transcript, editorSession } = await setUp();
    const { client } = await joinAs(editorSession.token, transcript.id);
    const typing = startTyping(client);
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'user', 'reset-password', '--email', editor.email, '--password', 'a fresh long passphrase'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: 'ignore',
      });
      child.on('exit', (code) => resolve({ code, at: Date.now() }));
    });
    let closedAt = 0;
    client.socket.on('closed', () => (closedAt = Date.now()));
    const { code, at } = await exited;
    expect(code).toBe(0);
    await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
    expect(client.closed[0]).toMatchObject({ reason: 'unauthenticated' });
    // The sessions were deleted before the CLI exited; the periodic revalidation saw it within ~1 s.
    expect(closedAt - at).toBeLessThan(1_000);
    const results = await typing.stop();
    const text = await storedText(transcript.id);
    for (const entry of results.filter((e) => e.at > closedAt)) {
      expect(entry.ack?.ok ?? false).toBe(false);
      expect(text).not.toContain(`k${entry.n};`);
    }
  });
});
