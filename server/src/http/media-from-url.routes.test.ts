import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { apiRoutes } from '@verity/common';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { encodeSpeech, makeSpeechWav } from '../testing/make-speech.ts';
import { makeScratchDir } from '../testing/make-test-audio.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let scratch: Awaited<ReturnType<typeof makeScratchDir>>;
let mp3: Buffer;
let server: http.Server;
let base: string;
const ids = {} as Record<'owner' | 'editor' | 'viewer' | 'outsider', string>;
/** The same people on an app that may fetch from this machine (tests only) and on one that may not (the default). */
const clients = {} as Record<'editor' | 'viewer' | 'outsider' | 'guarded', TestClient>;
const maxMediaBytes = 1024 * 1024;

beforeAll(async () => {
  let wav: Buffer;
  [db, scratch, { wav }] = await Promise.all([createTestDatabase(), makeScratchDir(), makeSpeechWav()]);
  mp3 = await encodeSpeech(wav, 'mp3');
  server = http.createServer((req, res) => {
    if (req.url === '/recordings/hearing%20day%201.mp3') res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(mp3);
    else if (req.url === '/minutes.mp3') res.end('Chair: good morning.\n'.repeat(100));
    else if (req.url === '/huge.wav') res.writeHead(200, { 'content-length': 2 * maxMediaBytes }).end(Buffer.alloc(2 * maxMediaBytes));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = buildApp(db.prisma, { dataDir: scratch.dir, maxMediaBytes, isMediaUrlPrivateAllowed: true });
  const guarded: Express = buildApp(db.prisma, { dataDir: scratch.dir, maxMediaBytes });
  const users = await Promise.all((['owner', 'editor', 'viewer', 'outsider'] as const).map((name) => buildUser(db.prisma, { displayName: name })));
  [ids.owner, ids.editor, ids.viewer, ids.outsider] = users.map((user) => user.id) as [string, string, string, string];
  clients.editor = await new TestClient(open).signIn(users[1]!.email);
  clients.viewer = await new TestClient(open).signIn(users[2]!.email);
  clients.outsider = await new TestClient(open).signIn(users[3]!.email);
  clients.guarded = await new TestClient(guarded).signIn(users[1]!.email);
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await db.drop();
  await scratch.remove();
});

const freshTranscript = () => buildTranscript(db.prisma, { ownerId: ids.owner, members: [{ userId: ids.editor, role: 'editor' }, { userId: ids.viewer, role: 'viewer' }] });

/** Nothing of a failed attach may remain: no recording, no upload row, no upload bytes or scratch files. */
async function expectNothingLeft(transcriptId: string) {
  expect(await db.prisma.recording.count({ where: { transcriptId } })).toBe(0);
  expect(await db.prisma.mediaUpload.count({ where: { transcriptId } })).toBe(0);
  for (const area of ['uploads', 'tmp']) expect(await fs.readdir(path.join(scratch.dir, 'media', area)).catch(() => [])).toEqual([]);
}

describe('attaching a recording from a direct media URL', () => {
  it('fetches it and processes it like an upload: named after the address, probed, served', async () => {
    const transcript = await freshTranscript();
    const response = await clients.editor.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/recordings/hearing%20day%201.mp3` });
    expect(response.status).toBe(200);
    const sha256 = createHash('sha256').update(mp3).digest('hex');
    expect(response.body.recording).toMatchObject({ sha256, fileName: 'hearing day 1.mp3', sizeBytes: mp3.length, audioCodec: 'mp3', playableType: 'audio/mpeg', attachedBy: { id: ids.editor } });
    const file = await clients.viewer.get(apiRoutes.mediaFile(transcript.id)).buffer(true);
    expect(Buffer.compare(file.body as Buffer, mp3)).toBe(0);
    expect(await db.prisma.mediaUpload.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it('refuses bad media, a missing file and one over the size limit, leaving nothing', async () => {
    const transcript = await freshTranscript();
    const notAudio = await clients.editor.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/minutes.mp3` });
    expect(notAudio.status).toBe(422);
    expect(notAudio.body.error.message).toMatch(/not a recording we can read/);
    await expectNothingLeft(transcript.id);
    const missing = await clients.editor.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/nothing.mp3` });
    expect([missing.status, missing.body.error.message]).toEqual([400, expect.stringMatching(/answered 404/)]);
    const huge = await clients.editor.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/huge.wav` });
    expect(huge.status).toBe(413);
    await expectNothingLeft(transcript.id);
  });

  it('refuses this machine and private networks unless configured for tests; other schemes; non-editors', async () => {
    const transcript = await freshTranscript();
    const guarded = await clients.guarded.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/recordings/hearing%20day%201.mp3` });
    expect([guarded.status, guarded.body.error.message]).toEqual([400, expect.stringMatching(/private/)]);
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://localhost:9/a.mp3', 'http://[::1]/a.mp3']) {
      expect((await clients.guarded.post(apiRoutes.mediaFromUrl(transcript.id), { url })).status, url).toBe(400);
    }
    await expectNothingLeft(transcript.id);
    for (const body of [{ url: 'file:///etc/passwd' }, { url: 'ftp://example.com/a.mp3' }, { url: 42 }, {}, { url: `https://example.com/${'a'.repeat(3000)}` }]) {
      expect((await clients.editor.post(apiRoutes.mediaFromUrl(transcript.id), body)).status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await clients.viewer.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/recordings/hearing%20day%201.mp3` })).status).toBe(403);
    expect((await clients.outsider.post(apiRoutes.mediaFromUrl(transcript.id), { url: `${base}/recordings/hearing%20day%201.mp3` })).status).toBe(404);
    await expectNothingLeft(transcript.id);
  });
});
