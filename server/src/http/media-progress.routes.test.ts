import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { apiRoutes, mediaChunkMaxBytes, type MediaProcessing } from '@verity/common';
import { runFfmpeg } from '../media/ffmpeg.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { makeScratchDir } from '../testing/make-test-audio.ts';

let db: TestDatabase;
let app: Express;
let scratch: Awaited<ReturnType<typeof makeScratchDir>>;
let editor: TestClient;
let editorId: string;
/** 40 minutes of ADTS AAC (noise at 8 kHz, small and quick to make): browsers need a transcode, so every step runs. */
let longAac: Buffer;

beforeAll(async () => {
  [db, scratch] = await Promise.all([createTestDatabase(), makeScratchDir()]);
  const file = path.join(scratch.dir, 'long.aac');
  const made = await runFfmpeg(['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=d=2400:r=8000:a=0.3', '-ac', '1', '-c:a', 'aac', '-b:a', '16k', '-f', 'adts', file], { timeoutMs: 120_000 });
  if (made.code !== 0) throw new Error(made.stderr);
  longAac = await fs.readFile(file);
  app = buildApp(db.prisma, { dataDir: scratch.dir, maxMediaBytes: 64 * 1024 * 1024 });
  const user = await buildUser(db.prisma, { displayName: 'editor' });
  editorId = user.id;
  editor = await new TestClient(app).signIn(user.email);
}, 120_000);
afterAll(async () => {
  await db.drop();
  await scratch.remove();
});

describe('progress of the work after the last chunk', () => {
  it('moves through the waveform and the playable copy while the last chunk is processed, then the upload is gone', async () => {
    const owner = await buildUser(db.prisma, { displayName: 'owner' });
    const transcript = await buildTranscript(db.prisma, { ownerId: owner.id, members: [{ userId: editorId, role: 'editor' }] });
    const created = await editor.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'long.aac', sizeBytes: longAac.length });
    expect(created.status).toBe(201);
    expect(created.body.upload.processing).toBeNull();
    const url = apiRoutes.mediaUpload(transcript.id, created.body.upload.id);
    let offset = 0;
    for (; offset + mediaChunkMaxBytes < longAac.length; offset += mediaChunkMaxBytes) {
      const chunk = await editor.putBytes(`${url}?offset=${offset}`, longAac.subarray(offset, offset + mediaChunkMaxBytes));
      expect(chunk.status).toBe(200);
      expect(chunk.body.upload.processing).toBeNull();
    }
    let isDone = false;
    const last = Promise.resolve(editor.putBytes(`${url}?offset=${offset}`, longAac.subarray(offset))).finally(() => (isDone = true));
    const seen: MediaProcessing[] = [];
    while (!isDone) {
      const status = await editor.get(url);
      if (status.status === 200 && status.body.upload.processing) seen.push(status.body.upload.processing);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const response = await last;
    expect(response.status).toBe(200);
    expect(response.body.recording).toMatchObject({ isTranscoded: true, fileName: 'long.aac' });
    const peaks = seen.filter((step) => step.step === 'peaks').map((step) => step.percent!);
    // Several distinct values, only ever forward, below 100 (100 is the recording itself).
    expect(new Set(peaks.filter((percent) => percent > 0)).size).toBeGreaterThanOrEqual(2);
    expect(peaks).toEqual([...peaks].sort((a, b) => a - b));
    expect(Math.max(...peaks)).toBeLessThan(100);
    expect(seen.some((step) => step.step === 'transcoding')).toBe(true);
    const steps = seen.map((step) => step.step).filter((step, index, all) => step !== all[index - 1]);
    expect(steps.indexOf('peaks')).toBeLessThan(steps.indexOf('transcoding'));
    // Once processed, the upload is gone (and with it its progress).
    expect((await editor.get(url)).status).toBe(404);
  }, 120_000);
});
