import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { turnPlainText, type DocAck } from '@verity/common';
import { createSession } from '../accounts/sessions.ts';
import { buildTranscript, buildUser } from '../testing/factories.ts';
import { freePort } from '../testing/free-port.ts';
import { LiveClient, until } from '../testing/live-test-server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { readCurrentTranscript } from './read-current-transcript.ts';

// A real server process killed with SIGKILL while several editors type: no graceful shutdown, no final
// checkpoint. Store-before-acknowledge means every acknowledged edit survives; the editors' copies
// still hold the rest, and their reconnect handshake (sync step 2) delivers it to the new process.

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
let db: TestDatabase;
const children: ChildProcess[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await db.drop();
});

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!output.includes('Verity is running')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

/** An editor over a fresh socket; `from` carries over the document of its previous connection. */
async function connect(url: string, token: string, transcriptId: string, from?: Y.Doc): Promise<LiveClient> {
  const socket = connectSocket(url, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${token}` }, reconnection: false, forceNew: true });
  const client = new LiveClient(socket, transcriptId);
  // Origin 'remote': copied in, not sent as an update; the handshake's step 2 sends what the server lacks.
  if (from) Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(from), 'remote');
  const ack = await socket.emitWithAck('join', { transcriptId });
  if (!ack.ok) throw new Error(ack.error.message);
  await until(() => client.transcript.turns.length > 0, 'the handshake');
  return client;
}

describe('a server killed with SIGKILL mid-typing', { timeout: 120_000 }, () => {
  it('keeps every acknowledged edit, and the editors’ unacknowledged edits arrive after they reconnect', async () => {
    const owner = await buildUser(db.prisma);
    const editors = await Promise.all([0, 1, 2].map(() => buildUser(db.prisma)));
    const transcript = await buildTranscript(db.prisma, { ownerId: owner.id, members: editors.map((editor) => ({ userId: editor.id, role: 'editor' as const })) });
    const tokens = await Promise.all(editors.map(async (editor) => (await createSession(db.prisma, { userId: editor.id, ttlMs: 600_000 })).token));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await startServer(port);
    let clients = await Promise.all(tokens.map((token) => connect(url, token, transcript.id)));

    const typed: string[] = [];
    const acknowledged: string[] = [];
    let n = 0;
    const typeOne = () => {
      clients.forEach((client, index) => {
        const word = `e${index}w${n};`;
        client.type(word);
        typed.push(word);
        const ack = client.pending.at(-1);
        // A frame in flight when the process dies is never answered; only an ok counts as acknowledged.
        if (ack && client.socket.connected) void ack.then((result: DocAck) => result.ok && acknowledged.push(word), () => undefined);
      });
      n++;
    };
    const typing = setInterval(typeOne, 15);
    await until(() => acknowledged.length >= 30, 'some acknowledged edits');
    first.kill('SIGKILL');
    await until(() => first.exitCode !== null || first.signalCode !== null, 'the process to die');
    await new Promise((resolve) => setTimeout(resolve, 100)); // typing on, offline
    clearInterval(typing);
    const acknowledgedBeforeKill = [...acknowledged];

    // Every acknowledged edit is in the database, although the process never wrote a final checkpoint.
    const { transcript: afterKill } = await readCurrentTranscript({ prisma: db.prisma, transcriptId: transcript.id });
    const storedText = afterKill.turns.map(turnPlainText).join('');
    for (const word of acknowledgedBeforeKill) expect(storedText).toContain(word);
    const missing = typed.filter((word) => !storedText.includes(word));
    expect(missing.length).toBeGreaterThan(0);

    const second = await startServer(port);
    const previous = clients;
    for (const client of previous) client.socket.disconnect();
    clients = await Promise.all(tokens.map((token, index) => connect(url, token, transcript.id, previous[index]!.doc)));
    await Promise.all(clients.map((client) => client.settle()));
    const { transcript: recovered } = await readCurrentTranscript({ prisma: db.prisma, transcriptId: transcript.id });
    const recoveredText = recovered.turns.map(turnPlainText).join('');
    for (const word of typed) expect(recoveredText).toContain(word);
    await until(() => clients.every((client) => client.transcript.turns.map(turnPlainText).join('') === recoveredText), 'every editor to converge');
    for (const client of clients) client.socket.disconnect();
    second.kill('SIGTERM');
  });
});
