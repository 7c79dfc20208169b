import { AppError } from '@verity/common';
import { runFfmpeg, untrustedInputOptions } from './ffmpeg.ts';

/** What ffmpeg found in a file: its container, length and first audio and video streams. */
export interface MediaProbe {
  /** ffmpeg's demuxer name, e.g. `mp3`, `mov,mp4,m4a,3gp,3g2,mj2`, `wav`, `ogg`, `matroska,webm`. */
  container: string;
  durationMs: number;
  audioCodec: string | null;
  videoCodec: string | null;
}

/**
 * Reads ffmpeg's description of its input from `ffmpeg -i` diagnostics (the package ships no ffprobe).
 * Exported for tests; the format is ffmpeg's stable "Input #0, <demuxer>, from" / "Duration:" / "Stream #0:N: <kind>: <codec>".
 */
export function parseProbeOutput(stderr: string): MediaProbe | null {
  const input = /^Input #0, (.+?), from '/m.exec(stderr);
  if (!input) return null;
  const duration = /^\s*Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/m.exec(stderr);
  const durationMs = duration ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000) : 0;
  const streamCodec = (kind: string) => new RegExp(`^\\s*Stream #0:\\d+.*?: ${kind}: ([A-Za-z0-9_]+)`, 'm').exec(stderr)?.[1] ?? null;
  // A cover picture in an mp3 or m4a is a "video" stream of one frame; it is not a video.
  const videoLine = /^\s*Stream #0:\d+.*?: Video: ([A-Za-z0-9_]+).*$/m.exec(stderr);
  const videoCodec = videoLine && !/attached pic/.test(videoLine[0]) ? videoLine[1]! : null;
  return { container: input[1]!, durationMs, audioCodec: streamCodec('Audio'), videoCodec };
}

/** Probes a local file; refuses what is not a recording with audio in it (422, the message says why). */
export async function probeMedia(filePath: string, options: { timeoutMs?: number } = {}): Promise<MediaProbe & { audioCodec: string }> {
  // With no output file ffmpeg exits 1 after describing the input; that is the expected outcome here.
  const { stderr } = await runFfmpeg([...untrustedInputOptions, '-i', filePath], { timeoutMs: options.timeoutMs ?? 30_000 });
  const probe = parseProbeOutput(stderr);
  if (!probe) throw new AppError('malformed_file', 'This file is not a recording we can read (is it truncated, or not audio or video at all?).');
  if (!probe.audioCodec) throw new AppError('malformed_file', 'This file has no audio stream; attach a recording with sound.');
  if (probe.durationMs <= 0) throw new AppError('malformed_file', 'This recording has no length we can read (is it truncated?).');
  return { ...probe, audioCodec: probe.audioCodec };
}
