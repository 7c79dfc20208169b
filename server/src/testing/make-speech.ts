import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../media/ffmpeg.ts';
import { makeScratchDir, testAudioFormats, type TestAudioFormat } from './make-test-audio.ts';

/** Two turns of a hearing, read aloud in the media tests: real speech, not a tone. */
export const speechFixture = ['Good morning. The committee on public accounts will now come to order.', 'Thank you, Chair. I have three questions about the budget.'] as const;

/** Where each phrase is heard and the silence between them, in milliseconds from the start. */
export interface SpeechLayout {
  phrases: { text: string; startMs: number; endMs: number }[];
  gap: { startMs: number; endMs: number };
  durationMs: number;
}

/** Why a test cannot run, and what to install: missing tools fail the test, they never skip it. */
export const speechToolsMissing = (tools: string[]) =>
  `The media tests make speech from text with espeak-ng and sox, and ${tools.join(' and ')} ${tools.length > 1 ? 'are' : 'is'} missing. Install them with:\n  apt-get install espeak-ng sox\n(npm test does so by itself through scripts/ensure-speech-tools.mjs when it runs as root or with sudo).`;

/** Throws the install instruction unless espeak-ng and sox both run. */
export function requireSpeechTools(): void {
  const missing = (['espeak-ng', 'sox'] as const).filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0);
  if (missing.length > 0) throw new Error(speechToolsMissing(missing));
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const durationMs = (file: string) => Math.round(Number(run('sox', ['--i', '-D', file]).trim()) * 1000);

/**
 * Speaks each phrase with espeak-ng, trims the voice's own leading and trailing silence with sox, and
 * joins the phrases with `gapSeconds` of digital silence: a 16-bit mono WAV and where everything is in it.
 */
export async function makeSpeechWav(options: { phrases?: readonly string[]; gapSeconds?: number } = {}): Promise<{ wav: Buffer; layout: SpeechLayout }> {
  requireSpeechTools();
  const phrases = options.phrases ?? speechFixture;
  const gapSeconds = options.gapSeconds ?? 1.5;
  const { dir, remove } = await makeScratchDir();
  try {
    const parts: string[] = [];
    const layout: SpeechLayout = { phrases: [], gap: { startMs: 0, endMs: 0 }, durationMs: 0 };
    for (const [index, text] of phrases.entries()) {
      const raw = path.join(dir, `raw-${index}.wav`);
      const trimmed = path.join(dir, `phrase-${index}.wav`);
      run('espeak-ng', ['-v', 'en', '-s', '165', '-w', raw, text]);
      run('sox', [raw, trimmed, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse']);
      if (index > 0) {
        const gap = path.join(dir, `gap-${index}.wav`);
        run('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', gap, 'trim', '0', String(gapSeconds)]);
        parts.push(gap);
        layout.gap = { startMs: layout.durationMs, endMs: layout.durationMs + Math.round(gapSeconds * 1000) };
        layout.durationMs = layout.gap.endMs;
      }
      parts.push(trimmed);
      const length = durationMs(trimmed);
      layout.phrases.push({ text, startMs: layout.durationMs, endMs: layout.durationMs + length });
      layout.durationMs += length;
    }
    const output = path.join(dir, 'speech.wav');
    run('sox', [...parts, output]);
    layout.durationMs = durationMs(output);
    return { wav: await fs.readFile(output), layout };
  } finally {
    await remove();
  }
}

/** Encodes a WAV of speech into `format` with the bundled ffmpeg (mp3, ogg/opus, m4a/aac, flac, …). */
export async function encodeSpeech(wav: Buffer, format: TestAudioFormat): Promise<Buffer> {
  const { dir, remove } = await makeScratchDir();
  try {
    const input = path.join(dir, 'speech.wav');
    const output = path.join(dir, `speech.${format}`);
    await fs.writeFile(input, wav);
    const { code, stderr } = await runFfmpeg(['-v', 'error', '-y', '-i', input, ...testAudioFormats[format], output], { timeoutMs: 60_000 });
    if (code !== 0) throw new Error(`ffmpeg could not encode test speech as ${format}: ${stderr}`);
    return await fs.readFile(output);
  } finally {
    await remove();
  }
}
