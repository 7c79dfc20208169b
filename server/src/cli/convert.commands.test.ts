import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '@verity/common';
import type { Transcript } from '@verity/common';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const hasSeeds = existsSync(seedsDir);
if (!hasSeeds) console.warn(`CLI convert seed tests skipped: ${seedsDir} is missing.`);
// Each child process starts tsx, a few seconds on a busy machine: these tests get generous timeouts.
const seeds = ['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt'];

/** Runs the CLI with a database address nothing listens on: convert and verify must never need it. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none', VERITY_DATA_DIR: path.join(os.tmpdir(), 'verity-no-such-dir') };
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'server/src/cli/main.ts', ...args], { cwd: repoRoot, env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function turnTexts(transcript: Transcript) {
  return transcript.turns.map((turn) => turn.content);
}

describe.skipIf(!hasSeeds)('convert', () => {
  for (const seed of seeds) {
    it(`converts ${seed} to every text format and reads each back`, async () => {
      const input = path.join(seedsDir, seed);
      const original = parseTranscript(new Uint8Array(await readFile(input)), { fileName: seed });
      const dir = await mkdtemp(path.join(os.tmpdir(), 'verity-convert-'));
      const [cart, json, text, markdown] = await Promise.all(['cart', 'json', 'text', 'markdown'].map((to) => cli('convert', input, '--to', to)));
      for (const result of [cart, json, text, markdown]) expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(turnTexts(parseTranscript(cart!.stdout))).toEqual(turnTexts(original));
      expect(parseTranscript(json!.stdout)).toEqual(original);
      expect(parseTranscript(text!.stdout, { format: 'text' }).turns.length).toBeGreaterThan(0);
      expect(markdown!.stdout).toMatch(/^# /);
      // Back again through the CLI: CART → JSON keeps every turn.
      await writeFile(path.join(dir, 'out.cart.txt'), cart!.stdout);
      const back = await cli('convert', path.join(dir, 'out.cart.txt'), '--to', 'json', '-o', path.join(dir, 'back.json'));
      expect(back.code).toBe(0);
      expect(turnTexts(parseTranscript(await readFile(path.join(dir, 'back.json'), 'utf8')))).toEqual(turnTexts(original));
      const docx = await cli('convert', input, '--to', 'docx', '-o', path.join(dir, 'out.docx'));
      expect(docx.code).toBe(0);
      expect((await readFile(path.join(dir, 'out.docx'))).subarray(0, 2).toString()).toBe('PK');
    }, 240_000);
  }

  it('refuses subtitles without timings, and DOCX to a terminal, with one error line', async () => {
    const input = path.join(seedsDir, seeds[1]!);
    const srt = await cli('convert', input, '--to', 'vtt');
    expect(srt).toMatchObject({ code: 1, stdout: '' });
    expect(srt.stderr).toBe('error: This transcript has no timings, so it cannot be written as WebVTT; export as text, Markdown, DOCX or JSON instead.\n');
    expect((await cli('convert', input, '--to', 'docx')).stderr).toBe('error: Word document is binary; give -o FILE.\n');
    expect((await cli('convert', input, '--to', 'pdf')).stderr).toMatch(/^error: Unknown export format "pdf"/);
  }, 120_000);
});

describe.skipIf(!hasSeeds)('verify', () => {
  it('accepts an untouched export and rejects a tampered one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verity-verify-'));
    const file = path.join(dir, 'record.json');
    expect((await cli('convert', path.join(seedsDir, seeds[0]!), '--to', 'json', '-o', file)).code).toBe(0);
    const ok = await cli('verify', file);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok: sha256 [0-9a-f]{64} matches\n$/);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Patrick Pavlak', 'Patrick Pavlack'));
    const tampered = await cli('verify', file);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/^error: mismatch: the file records sha256 [0-9a-f]{64} but its content hashes to [0-9a-f]{64}\.\n$/);
  }, 120_000);
});
