import { AppError } from '@verity/common';
import { runFfmpeg, untrustedInputOptions } from './ffmpeg.ts';
import { createProgressParser } from './parse-ffmpeg-progress.ts';
import type { MediaProbe } from './probe-media.ts';

/** How a browser is served a recording: as uploaded (with this type), or transcoded. */
export type Playability = { isPlayable: true; contentType: string } | { isPlayable: false };

const audioCodecsByContainer: Record<string, { audio: string[]; video: string[]; audioType: string; videoType: string }> = {
  mp3: { audio: ['mp3'], video: [], audioType: 'audio/mpeg', videoType: 'audio/mpeg' },
  'mov,mp4,m4a,3gp,3g2,mj2': { audio: ['aac', 'mp3', 'opus', 'flac'], video: ['h264', 'av1', 'vp9'], audioType: 'audio/mp4', videoType: 'video/mp4' },
  wav: { audio: ['pcm_s16le', 'pcm_s24le', 'pcm_f32le', 'pcm_u8'], video: [], audioType: 'audio/wav', videoType: 'audio/wav' },
  flac: { audio: ['flac'], video: [], audioType: 'audio/flac', videoType: 'audio/flac' },
  ogg: { audio: ['vorbis', 'opus', 'flac'], video: [], audioType: 'audio/ogg', videoType: 'audio/ogg' },
  'matroska,webm': { audio: ['opus', 'vorbis'], video: ['vp8', 'vp9', 'av1'], audioType: 'audio/webm', videoType: 'video/webm' },
};

/**
 * Whether Chromium, Firefox and Safari's common ground plays the file as it is; the content type is
 * chosen from what ffmpeg found, never from the file's name, so nothing uploaded is served as HTML.
 */
export function choosePlayable(probe: Pick<MediaProbe, 'container' | 'audioCodec' | 'videoCodec'>): Playability {
  const known = audioCodecsByContainer[probe.container];
  if (!known || !probe.audioCodec || !known.audio.includes(probe.audioCodec)) return { isPlayable: false };
  if (probe.videoCodec && !known.video.includes(probe.videoCodec)) return { isPlayable: false };
  return { isPlayable: true, contentType: probe.videoCodec ? known.videoType : known.audioType };
}

/** What a transcoded copy is: AAC audio in MP4, which every browser plays. */
export const transcodedContentType = 'audio/mp4';

/** Transcodes the first audio stream to AAC in MP4 (index up front, so seeking needs no second download). */
export async function transcodeForBrowsers(inputPath: string, outputPath: string, options: { durationMs: number; onPercent?: (percent: number) => void }): Promise<void> {
  // `-progress pipe:1` reports the output position as key=value lines on stdout; stderr keeps the errors.
  const { code, stderr } = await runFfmpeg(
    ['-v', 'error', '-nostats', '-progress', 'pipe:1', '-y', ...untrustedInputOptions, '-i', inputPath, '-map', '0:a:0', '-vn', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', outputPath],
    { timeoutMs: 120_000 + options.durationMs / 2, onStdout: createProgressParser(options.durationMs, (percent) => options.onPercent?.(percent)) },
  );
  if (code !== 0) throw new AppError('malformed_file', `This recording could not be converted for playback: ${stderr.trim().split('\n').at(-1) ?? 'ffmpeg failed'}`);
}
