import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { AppError } from '@verity/common';

/** The static ffmpeg that @ffmpeg-installer ships for this platform: nothing is downloaded at install or run time. */
export const ffmpegPath: string = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

/**
 * Options placed before every `-i` of an uploaded file. ffmpeg guesses the format from the content, and
 * some formats are playlists (HLS, concat, …) that make it open other files or URLs: an uploaded
 * "recording" could read the server's files or reach its network. Only local files, and only demuxers
 * of single recordings, are allowed.
 */
export const untrustedInputOptions = [
  '-protocol_whitelist',
  'file',
  '-format_whitelist',
  ['mp3', 'mov', 'wav', 'w64', 'flac', 'ogg', 'matroska', 'webm', 'aac', 'asf', 'amr', 'ac3', 'eac3', 'aiff', 'caf', 'wv', 'ape', 'mpc', 'dts', 'mpeg', 'mpegts'].join(','),
] as const;

/** What one ffmpeg run left: its exit code and the last of its diagnostics (ffmpeg reports on stderr). */
export interface FfmpegResult {
  code: number | null;
  stderr: string;
}

/**
 * Runs ffmpeg with `args` (never through a shell: file paths are arguments, not text to parse), streaming
 * stdout to `onStdout`. Killed after `timeoutMs`; at most the last 64 KiB of stderr is kept.
 */
export function runFfmpeg(args: string[], options: { timeoutMs: number; onStdout?: (chunk: Buffer) => void }): Promise<FfmpegResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', options.onStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      stderr = (stderr + text).slice(-65_536);
    });
    if (options.onStdout) child.stdout!.on('data', options.onStdout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new AppError('file_too_costly', 'Processing this recording took too long.'));
      else resolve({ code, stderr });
    });
  });
}
