// Recording figures (issue 11): attach-to-playable time for a long recording uploaded in 8 MiB chunks
// over HTTP (hash, probe, whole-file peaks, store), peaks time on its own, a transcode's speed, and seek
// latency (a 64 KiB range request at random positions). Against a throw-away embedded PostgreSQL.
// BENCH_MEDIA_HOURS (default 4) sets the recording's length.
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { apiRoutes, mediaChunkMaxBytes } from '../../common/src/index.ts';
import { createApp } from '../../server/src/app.ts';
import { createUser } from '../../server/src/accounts/create-user.ts';
import { loadConfig } from '../../server/src/config.ts';
import { startEmbeddedPostgres } from '../../server/src/db/embedded-postgres.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { createPrismaClient } from '../../server/src/db/prisma.ts';
import { createLogger } from '../../server/src/logger.ts';
import { transcodeForBrowsers } from '../../server/src/media/choose-playable.ts';
import { computePeaks } from '../../server/src/media/compute-peaks.ts';
import { runFfmpeg } from '../../server/src/media/ffmpeg.ts';
import { TestClient, testPassword } from '../../server/src/testing/factories.ts';
import { createTranscript } from '../../server/src/transcripts/create-transcript.ts';
import { freePort } from '../../server/src/testing/free-port.ts';

const hours = Number(process.env.BENCH_MEDIA_HOURS ?? 4);
const seconds = Math.round(hours * 3600);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/** Speech-like mono 16 kHz MP3 at 48 kb/s (a typical meeting recording), a tone with pauses. */
async function makeRecording(file: string, length: number, codec: string[] = ['-c:a', 'libmp3lame', '-b:a', '48k']) {
  const started = performance.now();
  const { code, stderr } = await runFfmpeg(
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=16000:duration=${length}`, '-af', "volume='if(lt(mod(t,7),5),1,0)':eval=frame", '-ac', '1', ...codec, file],
    { timeoutMs: 3_600_000 },
  );
  if (code !== 0) throw new Error(stderr);
  return performance.now() - started;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'verity-media-bench-'));
await chmod(work, 0o755);
try {
  const file = path.join(work, 'day.mp3');
  const made = await makeRecording(file, seconds);
  const size = (await stat(file)).size;
  console.log(`(made a ${hours}-hour MP3, ${(size / 1024 / 1024).toFixed(0)} MB, in ${(made / 1000).toFixed(0)} s)`);

  const peaksStarted = performance.now();
  const peaks = await computePeaks(file, { durationMs: seconds * 1000 });
  console.log(`peaks for ${hours} h alone: ${((performance.now() - peaksStarted) / 1000).toFixed(1)} s (${peaks.length.toLocaleString('en')} pairs, ${(JSON.stringify(peaks).length / 1024).toFixed(0)} KiB JSON)`);

  const sample = path.join(work, 'sample.aac');
  await makeRecording(sample, 1800, ['-c:a', 'aac', '-b:a', '48k', '-f', 'adts']);
  const transcodeStarted = performance.now();
  await transcodeForBrowsers(sample, path.join(work, 'sample.m4a'), { durationMs: 1_800_000 });
  const transcodeMs = performance.now() - transcodeStarted;
  console.log(`transcode 30 min of ADTS AAC to MP4 AAC: ${(transcodeMs / 1000).toFixed(1)} s (${(1800 / (transcodeMs / 1000)).toFixed(0)}× real time; ${hours} h ≈ ${((transcodeMs * hours * 2) / 1000).toFixed(0)} s)`);

  const cluster = await startEmbeddedPostgres({ dataDir: path.join(work, 'db'), port: await freePort() });
  const prisma = createPrismaClient(cluster.url);
  try {
    await migrate(cluster.url);
    const config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir: path.join(work, 'data'), maxMediaBytes: 8 * 1024 ** 3 };
    const app = createApp({ prisma, config, logger: createLogger({ level: 'silent' }) });
    const user = await createUser(prisma, { email: 'bench@bench.test', displayName: 'Bench', password: testPassword, isAdmin: false });
    const transcript = await createTranscript(prisma, { ownerId: user.id, title: 'Bench' });
    const client = await new TestClient(app).signIn(user.email);
    const bytes = await readFile(file);

    const started = performance.now();
    const created = await client.post(apiRoutes.mediaUploads(transcript.id), { fileName: 'day.mp3', sizeBytes: size });
    const url = apiRoutes.mediaUpload(transcript.id, created.body.upload.id);
    let lastChunkStarted = 0;
    let response;
    for (let offset = 0; offset < size; offset += mediaChunkMaxBytes) {
      if (offset + mediaChunkMaxBytes >= size) lastChunkStarted = performance.now();
      response = await client.putBytes(`${url}?offset=${offset}`, bytes.subarray(offset, offset + mediaChunkMaxBytes));
      if (response.status !== 200) throw new Error(`chunk at ${offset}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const done = performance.now();
    if (!response?.body.recording) throw new Error('no recording');
    console.log(`attach ${hours} h over HTTP in ${Math.ceil(size / mediaChunkMaxBytes)} chunks → playable: ${((done - started) / 1000).toFixed(1)} s (upload ${((lastChunkStarted - started) / 1000).toFixed(1)} s, then hash + probe + peaks + store ${((done - lastChunkStarted) / 1000).toFixed(1)} s)`);

    const latencies: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      const from = Math.floor(Math.random() * (size - 65_536));
      const seekStarted = performance.now();
      const range = await client.get(apiRoutes.mediaFile(transcript.id)).set('range', `bytes=${from}-${from + 65_535}`).buffer(true);
      if (range.status !== 206) throw new Error(`range: ${range.status}`);
      latencies.push(performance.now() - seekStarted);
    }
    console.log(`seek (64 KiB range at a random position, 60 requests): median ${median(latencies).toFixed(1)} ms, p95 ${p95(latencies).toFixed(1)} ms`);
  } finally {
    await prisma.$disconnect();
    await cluster.stop();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
