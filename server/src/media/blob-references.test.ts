import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { apiRoutes } from '@verity/common';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { makeScratchDir, makeTestAudio } from '../testing/make-test-audio.ts';
import { deleteUnreferencedBlobs, lockBlobs } from './blob-references.ts';
import { createDiskMediaStore } from './disk-media-store.ts';
import type { MediaStore } from './media-store.ts';
import { createMediaUpload, staleScratchMs, sweepMediaLeftovers } from './media-uploads.ts';

let db: TestDatabase;
let scratch: Awaited<ReturnType<typeof makeScratchDir>>;
let store: MediaStore;
let userId: string;
const mediaRoot = () => path.join(scratch.dir, 'media');

beforeAll(async () => {
  [db, scratch] = await Promise.all([createTestDatabase(), makeScratchDir()]);
  store = createDiskMediaStore(mediaRoot());
  userId = (await buildUser(db.prisma)).id;
});
afterAll(async () => {
  await db.drop();
  await scratch.remove();
});

/** A blob in the store with random content; answers its (made-up, well-formed) hash. */
async function putRandomBlob(): Promise<string> {
  const sha256 = randomBytes(32).toString('hex');
  const file = await store.scratchPath('.bin');
  await fs.writeFile(file, randomBytes(100));
  await store.putBlob(sha256, file);
  return sha256;
}

const recordingData = (transcriptId: string, sha256: string) => ({
  transcriptId,
  sha256,
  fileName: 'x.mp3',
  sizeBytes: 100n,
  durationMs: 1000,
  container: 'mp3',
  audioCodec: 'mp3',
  hasVideo: false,
  playableSha256: sha256,
  playableType: 'audio/mpeg',
  playableSizeBytes: 100n,
  attachedById: userId,
});

describe('deleting blobs nobody uses', () => {
  it('waits for a transaction that is adding a reference under the lock, then sees it and keeps the blob', async () => {
    const sha256 = await putRandomBlob();
    const transcript = await buildTranscript(db.prisma, { ownerId: userId });
    const order: string[] = [];
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const attaching = db.prisma.$transaction(async (tx) => {
      await lockBlobs(tx, [sha256]);
      await tx.recording.create({ data: recordingData(transcript.id, sha256) });
      locked();
      // The reference is not committed yet: a count outside the lock would see none and delete the blob.
      await new Promise((resolve) => setTimeout(resolve, 400));
      order.push('attached');
    });
    await isLocked;
    const deleting = deleteUnreferencedBlobs(db.prisma, store, [sha256]).then(() => order.push('checked'));
    await Promise.all([attaching, deleting]);
    expect(order).toEqual(['attached', 'checked']);
    expect(await store.blobSize(sha256)).toBe(100);
  });

  it('deletes a blob (and its derived files) once no recording names it', async () => {
    const sha256 = await putRandomBlob();
    await store.putDerived(sha256, 'peaks.json', '{}');
    await deleteUnreferencedBlobs(db.prisma, store, [sha256, sha256]);
    expect(await store.blobSize(sha256)).toBeNull();
    expect(await store.readDerived(sha256, 'peaks.json')).toBeNull();
  });

  it('over HTTP, detaching a file from one transcript while another attaches the same file never loses the blob', async () => {
    const app: Express = buildApp(db.prisma, { dataDir: scratch.dir, maxMediaBytes: 4 * 1024 * 1024 });
    const client = await new TestClient(app).signIn((await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).email);
    const mp3 = await makeTestAudio('mp3', { seconds: 2 });
    const [first, second] = [await buildTranscript(db.prisma, { ownerId: userId }), await buildTranscript(db.prisma, { ownerId: userId })];
    const attach = async (transcriptId: string) => {
      const created = await client.post(apiRoutes.mediaUploads(transcriptId), { fileName: 'same.mp3', sizeBytes: mp3.length });
      const done = await client.putBytes(`${apiRoutes.mediaUpload(transcriptId, created.body.upload.id)}?offset=0`, mp3);
      expect(done.status).toBe(200);
      return done.body.recording.sha256 as string;
    };
    const sha256 = await attach(first.id);
    for (let round = 0; round < 4; round += 1) {
      // Each round one transcript lets go of the file while the other takes it.
      const [holder, taker] = round % 2 === 0 ? [first, second] : [second, first];
      const [detached] = await Promise.all([client.delete(apiRoutes.media(holder.id)), attach(taker.id)]);
      expect(detached.status).toBe(204);
      expect(await db.prisma.recording.count({ where: { sha256 } })).toBe(1);
      expect(await store.blobSize(sha256)).toBe(mp3.length);
      expect((await client.get(apiRoutes.mediaPeaks(taker.id))).status).toBe(200);
    }
  }, 60_000);
});

describe('crash leftovers', () => {
  it('removes upload bytes whose row is gone and temporary files untouched for an hour, nothing else', async () => {
    const transcript = await buildTranscript(db.prisma, { ownerId: userId });
    const live = await db.prisma.mediaUpload.create({ data: { transcriptId: transcript.id, createdById: userId, fileName: 'a.mp3', sizeBytes: 10n } });
    const orphan = randomUUID();
    await store.writeUploadChunk(live.id, 0, new Uint8Array(10));
    await store.writeUploadChunk(orphan, 0, new Uint8Array(10));
    const [oldScratch, freshScratch] = [await store.scratchPath('.m4a'), await store.scratchPath('.m4a')];
    await fs.writeFile(oldScratch, 'half a transcode');
    await fs.writeFile(freshScratch, 'a transcode in progress');
    const past = new Date(Date.now() - staleScratchMs - 60_000);
    await fs.utimes(oldScratch, past, past);
    await fs.writeFile(path.join(mediaRoot(), 'uploads', 'not-an-upload.txt'), 'left alone');

    expect(await sweepMediaLeftovers(db.prisma, store)).toBe(2);
    expect((await store.listUploadIds()).sort()).toEqual([live.id]);
    await expect(fs.stat(oldScratch)).rejects.toThrow();
    expect((await fs.stat(freshScratch)).size).toBeGreaterThan(0);
    await expect(fs.readFile(path.join(mediaRoot(), 'uploads', 'not-an-upload.txt'), 'utf8')).resolves.toBe('left alone');
    await db.prisma.mediaUpload.deleteMany({ where: { id: live.id } });
    await store.discardUpload(live.id);
  });

  it('runs with the stale-upload sweep when an upload starts', async () => {
    const transcript = await buildTranscript(db.prisma, { ownerId: userId });
    const orphan = randomUUID();
    await store.writeUploadChunk(orphan, 0, new Uint8Array(10));
    await createMediaUpload({ prisma: db.prisma, store, transcriptId: transcript.id, actorId: userId, request: { fileName: 'b.mp3', sizeBytes: 10 }, maxMediaBytes: 100 });
    expect(await store.listUploadIds()).not.toContain(orphan);
  });

  it('finds nothing to do in a store that never held a file', async () => {
    expect(await sweepMediaLeftovers(db.prisma, createDiskMediaStore(path.join(scratch.dir, 'empty')))).toBe(0);
  });
});
