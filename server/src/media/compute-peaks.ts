import { AppError, type MediaPeaks } from '@verity/common';
import { runFfmpeg, untrustedInputOptions } from './ffmpeg.ts';
import { percentDone } from './parse-ffmpeg-progress.ts';

/** Peaks are computed from audio decoded at this rate: enough for a waveform, cheap to decode hours of. */
export const peaksSampleRate = 8000;
/** At most this many min/max pairs for a whole recording (a 4-hour file: one pair per 1.8 s of samples at most). */
export const maxPeakPairs = 64_000;
/** At least 10 ms per pair, so a short clip does not get more pairs than samples worth drawing. */
const minSamplesPerPixel = 80;

/** Folds signed 16-bit little-endian samples into min/max pairs of `samplesPerPixel` (8-bit, audiowaveform-style). */
export class PeakAccumulator {
  readonly data: number[] = [];
  private count = 0;
  private min = 0;
  private max = 0;
  private carry: Buffer | null = null;

  constructor(readonly samplesPerPixel: number) {}

  /** Adds PCM bytes; a sample split across chunks is carried over. */
  push(chunk: Buffer): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 2);
    this.carry = whole < bytes.length ? bytes.subarray(whole) : null;
    for (let offset = 0; offset < whole; offset += 2) {
      const sample = bytes.readInt16LE(offset);
      if (this.count === 0 || sample < this.min) this.min = sample;
      if (this.count === 0 || sample > this.max) this.max = sample;
      if (++this.count === this.samplesPerPixel) this.flush();
    }
  }

  /** Closes the last, partial pair. */
  finish(): number[] {
    if (this.count > 0) this.flush();
    return this.data;
  }

  get sampleCount(): number {
    return this.data.length / 2 * this.samplesPerPixel + this.count;
  }

  private flush(): void {
    this.data.push(this.min >> 8, this.max >> 8);
    this.count = 0;
  }
}

/** How many samples one pair covers for a recording of this length. */
export function samplesPerPixelFor(durationMs: number): number {
  return Math.max(minSamplesPerPixel, Math.ceil(((durationMs / 1000) * peaksSampleRate) / maxPeakPairs));
}

/**
 * Decodes the whole recording's first audio stream to mono PCM at 8 kHz and folds it into waveform peaks,
 * streaming (memory stays bounded for hours of audio). A file that decodes to nothing is refused.
 */
export async function computePeaks(filePath: string, options: { durationMs: number; onPercent?: (percent: number) => void }): Promise<MediaPeaks> {
  const accumulator = new PeakAccumulator(samplesPerPixelFor(options.durationMs));
  // Progress is the decoded samples against the probed length: the PCM on stdout is itself the clock.
  let lastPercent = -1;
  // Decoding runs far faster than real time; the budget grows with the length, for a slow shared CPU.
  const timeoutMs = 60_000 + options.durationMs / 5;
  const { code } = await runFfmpeg(['-v', 'error', ...untrustedInputOptions, '-i', filePath, '-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(peaksSampleRate), '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'], {
    timeoutMs,
    onStdout: (chunk) => {
      accumulator.push(chunk);
      const percent = percentDone((accumulator.sampleCount / peaksSampleRate) * 1000, options.durationMs);
      if (percent > lastPercent) options.onPercent?.((lastPercent = percent));
    },
  });
  const data = accumulator.finish();
  if (code !== 0 || data.length === 0) throw new AppError('malformed_file', 'The audio in this file could not be decoded (is it truncated or damaged?).');
  return { version: 2, channels: 1, sampleRate: peaksSampleRate, samplesPerPixel: accumulator.samplesPerPixel, bits: 8, length: data.length / 2, data };
}
