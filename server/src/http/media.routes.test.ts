import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { apiRoutes, mediaChunkMaxBytes } from '@verity/common';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { encodeSpeech, makeSpeechWav, type SpeechLayout } from '../testing/make-speech.ts';
import { makeScratchDir, makeSilentVideo, makeTestAudio } from '../testing/make-test-audio.ts';

type Actor = 'owner' | 'editor' | 'viewer' | 'outsider';

let db: TestDatabase;
let app: Express;
let scratch: Awaited<ReturnType<typeof makeScratchDir>>;
let clients: Record<Actor, TestClient>;
let ids: Record<Actor, string>;
/** The fixture text spoken by espeak-ng, as MP3. */
let mp3: Buffer;
let spoken: SpeechLayout;
const maxMediaBytes = 2 * 1024 * 1024;
const mediaRoot = () => path.join(scratch.dir, 'media');

beforeAll(async () => {
  let speech: { wav: Buffer; layout: SpeechLayout };
  [db, scratch, speech] = await Promise.all([createTestDatabase(), makeScratchDir(), makeSpeechWav()]);
  [mp3, spoken] = [await encodeSpeech(speech.wav, 'mp3'), speech.layout];
  app = buildApp(db.prisma, { dataDir: scratch.dir, maxMediaBytes });
  const users = await Promise.all((['owner', 'editor', 'viewer', 'outsider'] as const).map((name) => buildUser(db.prisma, { displayName: name })));
  ids = { owner: users[0]!.id, editor: users[1]!.id, viewer: users[2]!.id, outsider: users[3]!.id };
  clients = {} as Record<Actor, TestClient>;
  for (const [index, actor] of (['owner', 'editor', 'viewer', 'outsider'] as const).entries()) clients[actor] = await new TestClient(app).signIn(users[index]!.email);
});
afterAll(async () => {
  await db.drop();
  await scratch.remove();
});

const freshTranscript = () => buildTranscript(db.prisma, { ownerId: ids.owner, members: [{ userId: ids.editor, role: 'editor' }, { userId: ids.viewer, role: 'viewer' }] });

/** Uploads `bytes` in chunks of `chunkSize`, as the client does. */
async function upload(client: TestClient, transcriptId: string, bytes: Buffer, options: { chunkSize?: number; fileName?: string; sha256?: string } = {}) {
  const created = await client.post(apiRoutes.mediaUploads(transcriptId), { fileName: options.fileName ?? 'hearing.mp3', sizeBytes: bytes.length, sha256: options.sha256 });
  expect(created.status).toBe(201);
  const uploadId: string = created.body.upload.id;
  const chunkSize = options.chunkSize ?? 64 * 1024;
  let last;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    last = await client.putBytes(`${apiRoutes.mediaUpload(transcriptId, uploadId)}?offset=${offset}`, bytes.subarray(offset, offset + chunkSize));
    if (last.status !== 200) break;
  }
  return { uploadId, last: last! };
}

/** What is left on disk besides stored blobs and their derived files. */
async function leftovers(): Promise<string[]> {
  const found: string[] = [];
  for (const area of ['uploads', 'tmp']) {
    const entries = await fs.readdir(path.join(mediaRoot(), area)).catch(() => []);
    found.push(...entries.map((entry) => `${area}/${entry}`));
  }
  return found;
}

describe('attaching a recording', () => {
  it('uploads in chunks, probes, computes peaks and serves the file to members', async () => {
    const transcript = await freshTranscript();
    const sha256 = createHash('sha256').update(mp3).digest('hex');
    const { last } = await upload(clients.editor, transcript.id, mp3, { chunkSize: 10_000, sha256 });
    expect(last.status).toBe(200);
    expect(last.body.recording).toMatchObject({ sha256, fileName: 'hearing.mp3', sizeBytes: mp3.length, container: 'mp3', audioCodec: 'mp3', hasVideo: false, isTranscoded: false, playableType: 'audio/mpeg', attachedBy: { id: ids.editor, displayName: 'editor' } });
    expect(Math.abs(last.body.recording.durationMs - spoken.durationMs)).toBeLessThanOrEqual(120);

    const read = await clients.viewer.get(apiRoutes.media(transcript.id));
    expect(read.body.recording.sha256).toBe(sha256);
    const file = await clients.viewer.get(apiRoutes.mediaFile(transcript.id)).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('audio/mpeg');
    expect(file.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(file.body as Buffer, mp3)).toBe(0);
    const peaks = await clients.viewer.get(apiRoutes.mediaPeaks(transcript.id));
    expect(peaks.body).toMatchObject({ version: 2, sampleRate: 8000, samplesPerPixel: 80, bits: 8 });
    expect(Math.abs(peaks.body.length - spoken.durationMs / 10)).toBeLessThanOrEqual(12);
    // Stored once, by content: the blob's name is its hash; no upload bytes remain.
    expect(await fs.readFile(path.join(mediaRoot(), 'blobs', sha256.slice(0, 2), sha256))).toEqual(mp3);
    expect(await leftovers()).toEqual([]);
    expect(await db.prisma.mediaUpload.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it('resumes from the offset the server has after a failed chunk, and refuses chunks out of order', async () => {
    const transcript = await freshTranscript();
    const created = await clients.editor.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: mp3.length });
    const url = apiRoutes.mediaUpload(transcript.id, created.body.upload.id);
    expect((await clients.editor.putBytes(`${url}?offset=0`, mp3.subarray(0, 20_000))).body.upload.offset).toBe(20_000);
    // Lost answer: the client retries the same chunk; it is refused, and the server says where to go on.
    const repeated = await clients.editor.putBytes(`${url}?offset=0`, mp3.subarray(0, 20_000));
    expect(repeated.status).toBe(409);
    expect(repeated.body.error.message).toBe('This upload continues at byte 20000; send the chunk from there.');
    expect((await clients.editor.putBytes(`${url}?offset=30000`, mp3.subarray(30_000, 40_000))).status).toBe(409);
    const status = await clients.editor.get(url);
    expect(status.body.upload).toMatchObject({ offset: 20_000, sizeBytes: mp3.length });
    const rest = await clients.editor.putBytes(`${url}?offset=20000`, mp3.subarray(20_000));
    expect(rest.status).toBe(200);
    expect(rest.body.recording.sizeBytes).toBe(mp3.length);
    expect((await clients.editor.get(url)).status).toBe(404);
  });

  it('refuses a chunk past the declared size, an empty or oversized chunk, and a size over the limit', async () => {
    const transcript = await freshTranscript();
    const created = await clients.editor.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 1000 });
    const url = apiRoutes.mediaUpload(transcript.id, created.body.upload.id);
    expect((await clients.editor.putBytes(`${url}?offset=0`, Buffer.alloc(1001))).body.error).toEqual({ code: 'bad_request', message: 'The chunk runs past the 1000 bytes this upload declared.' });
    expect((await clients.editor.putBytes(`${url}?offset=0`, Buffer.alloc(0))).status).toBe(400);
    expect((await clients.editor.putBytes(`${url}?offset=0`, Buffer.alloc(mediaChunkMaxBytes + 1))).status).toBe(413);
    expect((await clients.editor.putBytes(`${url}?offset=0`, Buffer.from('{"bytes":"json"}')).set('content-type', 'application/json')).status).toBe(415);
    expect((await clients.editor.putBytes(`${url}?offset=-1`, Buffer.alloc(10))).status).toBe(400);
    const tooBig = await clients.editor.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'day.wav', sizeBytes: maxMediaBytes + 1 });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe('This recording is 3 MB; the limit is 2 MB.');
    for (const body of [{ fileName: '../../etc/passwd', sizeBytes: 10 }, { fileName: 'a.mp3', sizeBytes: 0 }, { fileName: 'a.mp3', sizeBytes: 1.5 }, { fileName: 'a.mp3', sizeBytes: 10, sha256: 'zz' }]) {
      expect((await clients.editor.post(apiRoutes.mediaUploads(transcript.id), body)).status).toBe(400);
    }
    expect((await clients.editor.delete(url)).status).toBe(204);
    expect(await leftovers()).toEqual([]);
  });

  it('keeps uploads to the account that started them on that transcript', async () => {
    const transcript = await freshTranscript();
    const other = await freshTranscript();
    const created = await clients.editor.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 100 });
    const uploadId = created.body.upload.id;
    // The owner of the same transcript, and the editor through another transcript, find nothing there.
    expect((await clients.owner.putBytes(`${apiRoutes.mediaUpload(transcript.id, uploadId)}?offset=0`, Buffer.alloc(10))).status).toBe(404);
    expect((await clients.editor.putBytes(`${apiRoutes.mediaUpload(other.id, uploadId)}?offset=0`, Buffer.alloc(10))).status).toBe(404);
    expect((await clients.editor.get(apiRoutes.mediaUpload(transcript.id, '..%2F..%2Fblobs'))).status).toBe(404);
    expect((await clients.editor.get(apiRoutes.mediaUpload(transcript.id, uploadId.toUpperCase()))).status).toBe(200);
    await clients.editor.delete(apiRoutes.mediaUpload(transcript.id, uploadId));
  });

  it('lets viewers play but not attach; non-members and the anonymous get nothing', async () => {
    const transcript = await freshTranscript();
    await upload(clients.owner, transcript.id, mp3);
    expect((await clients.viewer.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 100 })).status).toBe(403);
    expect((await clients.viewer.delete(apiRoutes.media(transcript.id))).status).toBe(403);
    for (const url of [apiRoutes.media(transcript.id), apiRoutes.mediaFile(transcript.id), apiRoutes.mediaPeaks(transcript.id)]) {
      expect((await clients.viewer.get(url)).status).toBe(200);
      expect((await clients.outsider.get(url)).status).toBe(404);
      expect((await new TestClient(app).get(url)).status).toBe(401);
    }
    expect((await clients.outsider.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 100 })).status).toBe(404);
  });

  it('limits the uploads an account may have open', async () => {
    const transcript = await freshTranscript();
    const opened = [];
    for (let index = 0; index < 3; index += 1) opened.push((await clients.owner.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 100 })).body.upload.id);
    const fourth = await clients.owner.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'a.mp3', sizeBytes: 100 });
    expect(fourth.status).toBe(429);
    for (const uploadId of opened) await clients.owner.delete(apiRoutes.mediaUpload(transcript.id, uploadId));
  });
});

describe('bad media leaves nothing behind', () => {
  const cases: { name: string; bytes: () => Promise<Buffer>; fileName: string; message: RegExp }[] = [
    { name: 'text renamed .mp3', bytes: async () => Buffer.from('Chair: good morning.\n'.repeat(100)), fileName: 'minutes.mp3', message: /not a recording we can read/ },
    { name: 'a truncated m4a', bytes: async () => (await makeTestAudio('m4a', { seconds: 3 })).subarray(0, 15_000), fileName: 'cut.m4a', message: /not a recording we can read/ },
    { name: 'a truncated wav', bytes: async () => (await makeTestAudio('wav', { seconds: 2 })).subarray(0, 50_000), fileName: 'cut.wav', message: /WAV file is truncated/ },
    { name: 'a video with no audio', bytes: () => makeSilentVideo(2), fileName: 'mute.mp4', message: /no audio stream/ },
  ];
  it.each(cases)('$name: 422 with the reason, no recording, no upload, no files', async ({ bytes, fileName, message }) => {
    const transcript = await freshTranscript();
    const { last } = await upload(clients.editor, transcript.id, await bytes(), { fileName });
    expect(last.status).toBe(422);
    expect(last.body.error).toEqual({ code: 'malformed_file', message: expect.stringMatching(message) });
    expect(await db.prisma.recording.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await db.prisma.mediaUpload.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await leftovers()).toEqual([]);
  });

  it('a file that differs from the SHA-256 given is refused as damaged', async () => {
    const transcript = await freshTranscript();
    const { last } = await upload(clients.editor, transcript.id, mp3, { sha256: '0'.repeat(64) });
    expect(last.status).toBe(422);
    expect(last.body.error.message).toMatch(/arrived damaged/);
    expect(await leftovers()).toEqual([]);
  });
});

describe('serving with HTTP ranges', () => {
  let transcriptId: string;
  beforeAll(async () => {
    transcriptId = (await freshTranscript()).id;
    await upload(clients.owner, transcriptId, mp3);
  });
  const get = (range?: string) => {
    const request = clients.viewer.get(apiRoutes.mediaFile(transcriptId)).buffer(true);
    return range ? request.set('range', range) : request;
  };

  it('serves the first, middle and last bytes as 206 with Content-Range', async () => {
    const size = mp3.length;
    for (const [range, start, end] of [['bytes=0-99', 0, 99], [`bytes=${size >> 1}-${(size >> 1) + 999}`, size >> 1, (size >> 1) + 999], ['bytes=-50', size - 50, size - 1], [`bytes=${size - 10}-`, size - 10, size - 1]] as const) {
      const response = await get(range);
      expect(response.status).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers['content-length']).toBe(String(end - start + 1));
      expect(Buffer.compare(response.body as Buffer, mp3.subarray(start, end + 1))).toBe(0);
    }
  });

  it('answers 416 to a range past the end or to several ranges, and ignores a malformed one', async () => {
    for (const range of [`bytes=${mp3.length}-`, 'bytes=0-1,5-9', 'bytes=-0']) {
      const response = await get(range);
      expect(response.status).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${mp3.length}`);
      expect(response.body.error?.code ?? JSON.parse(response.body.toString()).error.code).toBe('range_not_satisfiable');
    }
    const ignored = await get('bytes=abc');
    expect(ignored.status).toBe(200);
    expect(ignored.headers['content-length']).toBe(String(mp3.length));
  });
});

describe('replacing and transcoding', () => {
  it('transcodes what browsers cannot play, replaces the recording, and removes files no one uses', async () => {
    const transcript = await freshTranscript();
    const first = await upload(clients.editor, transcript.id, mp3);
    const firstSha = first.last.body.recording.sha256;
    const adts = await makeTestAudio('aac', { seconds: 3 });
    const second = await upload(clients.editor, transcript.id, adts, { fileName: 'phone.aac' });
    expect(second.last.body.recording).toMatchObject({ container: 'aac', isTranscoded: true, playableType: 'audio/mp4' });
    const file = await clients.viewer.get(apiRoutes.mediaFile(transcript.id)).buffer(true);
    expect(file.headers['content-type']).toBe('audio/mp4');
    expect((file.body as Buffer).subarray(4, 8).toString('latin1')).toBe('ftyp');
    // The mp3 is still another transcript's recording (the first test), so it stays; only unused files go.
    const users = await db.prisma.recording.count({ where: { sha256: firstSha } });
    const blob = path.join(mediaRoot(), 'blobs', firstSha.slice(0, 2), firstSha);
    expect(await fs.stat(blob).then(() => true, () => false)).toBe(users > 0);
    expect((await clients.editor.delete(apiRoutes.media(transcript.id))).status).toBe(204);
    expect((await clients.viewer.get(apiRoutes.mediaFile(transcript.id))).status).toBe(404);
    expect(await leftovers()).toEqual([]);
  });
});
