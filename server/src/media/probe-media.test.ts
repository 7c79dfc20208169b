import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSpeech, makeSpeechWav, type SpeechLayout } from '../testing/make-speech.ts';
import { makeScratchDir, makeSilentVideo, makeTestAudio, testAudioFormats, type TestAudioFormat } from '../testing/make-test-audio.ts';
import { choosePlayable } from './choose-playable.ts';
import { computePeaks, PeakAccumulator, samplesPerPixelFor } from './compute-peaks.ts';
import { isTruncatedWav } from './detect-truncation.ts';
import { parseProbeOutput, probeMedia } from './probe-media.ts';

let scratch: Awaited<ReturnType<typeof makeScratchDir>>;
/** The fixture text spoken by espeak-ng: two phrases with 1.5 s of silence between them. */
let speech: { wav: Buffer; layout: SpeechLayout };
const write = async (name: string, bytes: Buffer | string) => {
  const file = path.join(scratch.dir, name);
  await fs.writeFile(file, bytes);
  return file;
};
beforeAll(async () => {
  [scratch, speech] = await Promise.all([makeScratchDir(), makeSpeechWav({ gapSeconds: 1.5 })]);
});
afterAll(() => scratch.remove());

describe('probeMedia', () => {
  const expected: Record<TestAudioFormat, { container: string; audioCodec: string; isPlayable: boolean }> = {
    mp3: { container: 'mp3', audioCodec: 'mp3', isPlayable: true },
    m4a: { container: 'mov,mp4,m4a,3gp,3g2,mj2', audioCodec: 'aac', isPlayable: true },
    wav: { container: 'wav', audioCodec: 'pcm_s16le', isPlayable: true },
    flac: { container: 'flac', audioCodec: 'flac', isPlayable: true },
    ogg: { container: 'ogg', audioCodec: 'vorbis', isPlayable: true },
    opus: { container: 'ogg', audioCodec: 'opus', isPlayable: true },
    webm: { container: 'matroska,webm', audioCodec: 'opus', isPlayable: true },
    aac: { container: 'aac', audioCodec: 'aac', isPlayable: false },
  };
  it.each(Object.keys(testAudioFormats) as TestAudioFormat[])('reads speech encoded as %s: container, codec and length', async (format) => {
    const file = await write(`speech.${format}`, format === 'wav' ? speech.wav : await encodeSpeech(speech.wav, format));
    const probe = await probeMedia(file);
    expect(probe).toMatchObject({ container: expected[format].container, audioCodec: expected[format].audioCodec, videoCodec: null });
    // Encoders add a frame or two of priming: the length is the spoken one within 120 ms. A bare ADTS
    // stream has no index, so ffmpeg estimates its length from the bit rate, which speech varies.
    const tolerance = format === 'aac' ? speech.layout.durationMs * 0.25 : 120;
    expect(Math.abs(probe.durationMs - speech.layout.durationMs)).toBeLessThanOrEqual(tolerance);
    expect(choosePlayable(probe).isPlayable).toBe(expected[format].isPlayable);
  });

  it('reads a video with sound as video, served as video/mp4', async () => {
    const probe = await probeMedia(await write('talk.mp4', await makeTestAudio('m4a', { seconds: 2, withVideo: true })));
    expect(probe).toMatchObject({ audioCodec: 'aac', videoCodec: 'h264' });
    expect(choosePlayable(probe)).toEqual({ isPlayable: true, contentType: 'video/mp4' });
  });

  it('refuses a video without sound', async () => {
    await expect(probeMedia(await write('mute.mp4', await makeSilentVideo(2)))).rejects.toMatchObject({ code: 'malformed_file', message: 'This file has no audio stream; attach a recording with sound.' });
  });

  it('refuses text renamed .mp3, an empty file and an m4a cut short', async () => {
    const notAudio = /not a recording we can read/;
    await expect(probeMedia(await write('notes.mp3', 'Chair: good morning, everyone.\n'.repeat(50)))).rejects.toMatchObject({ code: 'malformed_file', message: expect.stringMatching(notAudio) });
    await expect(probeMedia(await write('empty.mp3', ''))).rejects.toMatchObject({ code: 'malformed_file', message: expect.stringMatching(notAudio) });
    const m4a = await makeTestAudio('m4a', { seconds: 3 });
    await expect(probeMedia(await write('cut.m4a', m4a.subarray(0, Math.floor(m4a.length * 0.6))))).rejects.toMatchObject({ code: 'malformed_file' });
  });

  it('refuses a playlist disguised as a recording, which would make ffmpeg read other files or URLs', async () => {
    const other = await write('secret.wav', await makeTestAudio('wav', { seconds: 1 }));
    for (const [name, text] of [
      ['playlist.mp3', `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${other}\n#EXT-X-ENDLIST\n`],
      ['remote.mp3', '#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/x.wav\n#EXT-X-ENDLIST\n'],
      ['list.mp3', `ffconcat version 1.0\nfile '${other}'\n`],
    ] as const) {
      const file = await write(name, text);
      await expect(probeMedia(file)).rejects.toMatchObject({ code: 'malformed_file' });
      await expect(computePeaks(file, { durationMs: 10_000 })).rejects.toMatchObject({ code: 'malformed_file' });
    }
  });

  it('parses ffmpeg diagnostics, and treats cover art as no video', () => {
    const stderr = `Input #0, mp3, from 'x.mp3':\n  Duration: 01:02:03.45, start: 0.025057, bitrate: 64 kb/s\n    Stream #0:0: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s\n    Stream #0:1: Video: mjpeg (Baseline), yuvj420p, 600x600, 90k tbr, 90k tbn (attached pic)\n`;
    expect(parseProbeOutput(stderr)).toEqual({ container: 'mp3', durationMs: 3_723_450, audioCodec: 'mp3', videoCodec: null });
    expect(parseProbeOutput('x.mp3: Invalid data found when processing input')).toBeNull();
  });
});

describe('isTruncatedWav', () => {
  it('finds a WAV whose header promises more than it holds, and only that', async () => {
    const wav = await makeTestAudio('wav', { seconds: 2 });
    expect(await isTruncatedWav(await write('whole.wav', wav))).toBe(false);
    expect(await isTruncatedWav(await write('cut.wav', wav.subarray(0, wav.length - 1000)))).toBe(true);
    expect(await isTruncatedWav(await write('other.mp3', await makeTestAudio('mp3', { seconds: 1 })))).toBe(false);
  });
});

describe('computePeaks', () => {
  it.each(['wav', 'mp3', 'opus', 'm4a', 'flac'] as const)('folds speech (%s) into min/max pairs that are loud in each phrase and flat in the pause', async (format) => {
    const file = await write(`peaks.${format}`, format === 'wav' ? speech.wav : await encodeSpeech(speech.wav, format));
    const { layout } = speech;
    const peaks = await computePeaks(file, { durationMs: layout.durationMs });
    expect(peaks).toMatchObject({ version: 2, channels: 1, sampleRate: 8000, samplesPerPixel: 80, bits: 8 });
    expect(Math.abs(peaks.length - layout.durationMs / 10)).toBeLessThanOrEqual(12);
    expect(peaks.data).toHaveLength(peaks.length * 2);
    // One pair is 10 ms: the loudest pair between two times, and how many pairs there are loud at all.
    const pairs = (fromMs: number, toMs: number) => peaks.data.slice(Math.round(fromMs / 10) * 2, Math.round(toMs / 10) * 2).map(Math.abs);
    const loudest = (fromMs: number, toMs: number) => Math.max(...pairs(fromMs, toMs));
    const share = (fromMs: number, toMs: number) => pairs(fromMs, toMs).filter((value) => value >= 8).length / pairs(fromMs, toMs).length;
    for (const phrase of layout.phrases) {
      expect(loudest(phrase.startMs, phrase.endMs)).toBeGreaterThanOrEqual(40); // espeak-ng peaks near 0.8 of full scale
      expect(share(phrase.startMs, phrase.endMs)).toBeGreaterThan(0.3); // speech, not a click: much of the phrase is voiced
    }
    // The pause, leaving 100 ms at each side for the encoder's smearing: silent.
    expect(loudest(layout.gap.startMs + 100, layout.gap.endMs - 100)).toBeLessThanOrEqual(2);
  });

  it('refuses a file that decodes to nothing', async () => {
    await expect(computePeaks(await write('noise.bin', Buffer.alloc(4096, 7)), { durationMs: 1000 })).rejects.toMatchObject({ code: 'malformed_file' });
  });

  it('keeps a 4-hour recording to at most 64,000 pairs, and a short one at 10 ms a pair', () => {
    expect(samplesPerPixelFor(4 * 3_600_000)).toBe(1800);
    expect((4 * 3600 * 8000) / samplesPerPixelFor(4 * 3_600_000)).toBeLessThanOrEqual(64_000);
    expect(samplesPerPixelFor(60_000)).toBe(80);
  });

  it('carries a sample split across chunks', () => {
    const accumulator = new PeakAccumulator(2);
    const pcm = Buffer.alloc(8);
    [1000, -2000, 30000, -32768].forEach((value, index) => pcm.writeInt16LE(value, index * 2));
    accumulator.push(pcm.subarray(0, 3));
    accumulator.push(pcm.subarray(3));
    expect(accumulator.finish()).toEqual([-2000 >> 8, 1000 >> 8, -128, 30000 >> 8]);
  });
});
