import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from '../media/ffmpeg.ts';

/** Formats tests make recordings in; each is encoded by the bundled ffmpeg, nothing is downloaded. */
export const testAudioFormats = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  wav: ['-c:a', 'pcm_s16le'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis'],
  opus: ['-c:a', 'libopus', '-b:a', '32k'],
  webm: ['-c:a', 'libopus', '-b:a', '32k'],
  /** ADTS AAC: not one every browser plays as a file, so it is transcoded. */
  aac: ['-c:a', 'aac', '-b:a', '64k', '-f', 'adts'],
} as const;

export type TestAudioFormat = keyof typeof testAudioFormats;

/** A scratch directory for a test file, removed by the returned function. */
export async function makeScratchDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'verity-media-'));
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/**
 * Encodes a recording of `seconds` in `format`: a 440 Hz tone (at lavfi's 1/8 of full scale), silent in its second half
 * second of each second when `pulsed` (so peaks show where the sound is). Returns its bytes.
 */
export async function makeTestAudio(format: TestAudioFormat, options: { seconds: number; pulsed?: boolean; withVideo?: boolean }): Promise<Buffer> {
  const { dir, remove } = await makeScratchDir();
  try {
    const output = path.join(dir, `test.${format}`);
    const tone = `sine=frequency=440:sample_rate=44100:duration=${options.seconds}`;
    const filter = options.pulsed ? ['-af', "volume='if(lt(mod(t,1),0.5),1,0)':eval=frame"] : [];
    const video = options.withVideo ? ['-f', 'lavfi', '-i', `testsrc=duration=${options.seconds}:size=64x64:rate=5`] : [];
    const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', tone, ...video, ...filter, ...testAudioFormats[format], ...(options.withVideo ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'] : []), output];
    const { code, stderr } = await runFfmpeg(args, { timeoutMs: 60_000 });
    if (code !== 0) throw new Error(`ffmpeg could not make test audio: ${stderr}`);
    return await fs.readFile(output);
  } finally {
    await remove();
  }
}

/** A video with no audio stream at all. */
export async function makeSilentVideo(seconds: number): Promise<Buffer> {
  const { dir, remove } = await makeScratchDir();
  try {
    const output = path.join(dir, 'video.mp4');
    const { code, stderr } = await runFfmpeg(['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=64x64:rate=5`, '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', output], { timeoutMs: 60_000 });
    if (code !== 0) throw new Error(`ffmpeg could not make a test video: ${stderr}`);
    return await fs.readFile(output);
  } finally {
    await remove();
  }
}
