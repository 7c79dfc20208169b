import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTranscriptDoc } from '@verity/common';
import { hasSeeds, readFixture, readSeed } from '../../../common/src/formats/fixtures/read-fixture.ts';
import { readImport } from './import-reader.ts';
import { createParsePool } from './parse-pool.ts';
import { previewImport } from './preview-import.ts';
import type { ImportFile } from './read-import-file.ts';

const pools = [createParsePool({ size: 2, timeoutMs: 10_000 })];
const [pool] = pools as [ReturnType<typeof createParsePool>];
afterAll(async () => {
  await Promise.all(pools.map((each) => each.close()));
});

function file(bytes: Uint8Array | string, fileName = 'file.txt'): ImportFile {
  return { bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, fileName, format: 'auto' };
}

// Several megabytes of ordinary CART: far more than a 50 ms budget, far less than a real one.
const bigCart = file(Array.from({ length: 120_000 }, (_value, index) => `>> SPEAKER ${index % 7}: Words and more words, (?) and [ Laughter ].`).join('\n'));

describe('parse pool', () => {
  const samples = ['cart-variants.txt', 'sample.srt', 'sample.vtt', 'sample.txt'].map((name) => file(readFixture(name), name));
  if (hasSeeds) samples.push(file(readSeed('000_4888b5e5729f2cf0.txt'), 'seed.txt'));

  it('hands back previews and parsed files exactly as parsing on this thread does (structured clone loses nothing)', async () => {
    for (const sample of samples) {
      expect(await pool.preview(sample), sample.fileName).toStrictEqual(previewImport(sample));
      const { seedState, ...read } = await pool.read(sample);
      const { seedState: _inlineSeed, ...inline } = await readImport(sample);
      expect(read, sample.fileName).toStrictEqual(inline);
      // The seed carries a random Yjs client id; what it holds is the parsed transcript.
      expect(seedState).toBeInstanceOf(Uint8Array);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, seedState);
      expect(readTranscriptDoc(doc).turns, sample.fileName).toStrictEqual(inline.transcript.turns);
    }
  });

  it('reports a refused file with the parser\'s own error code and message', async () => {
    await expect(pool.preview(file(new Uint8Array(0)))).rejects.toMatchObject({ name: 'AppError', code: 'empty_file', message: 'The file is empty.' });
    await expect(pool.read(file('{"schema": "verity.transcript/9"}'))).rejects.toMatchObject({ code: 'unsupported_format' });
  });

  it('refuses a file over the time budget, and the replaced worker reads the next file', async () => {
    const strict = createParsePool({ size: 1, timeoutMs: 50 });
    pools.push(strict);
    await strict.preview(file('>> A: warm up'));
    const started = Date.now();
    await expect(strict.preview(bigCart)).rejects.toMatchObject({ code: 'file_too_costly', message: 'This file took too long to read; is it a transcript?' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(strict.preview(file('>> A: after the timeout'))).resolves.toMatchObject({ detectedFormat: 'cart' });
  });

  it('gives a larger file a larger budget (the same file passes with time per MB added)', async () => {
    const generous = createParsePool({ size: 1, timeoutMs: 50, timeoutPerMbMs: 600_000 });
    pools.push(generous);
    await generous.preview(file('>> A: warm up'));
    await expect(generous.preview(bigCart)).resolves.toMatchObject({ detectedFormat: 'cart' });
  });

  it('refuses a file that needs more memory than a worker may have, and the replaced worker reads the next file', async () => {
    const tight = createParsePool({ size: 1, timeoutMs: 60_000, heapMb: 32 });
    pools.push(tight);
    await tight.preview(file('>> A: warm up'));
    await expect(tight.read(bigCart)).rejects.toMatchObject({ code: 'file_too_costly', message: 'This file needed too much memory to read; is it a transcript?' });
    await expect(tight.preview(file('>> A: after running out'))).resolves.toMatchObject({ detectedFormat: 'cart' });
  });

  it('bounds the queue: beyond it a file is refused as rate_limited, not queued', async () => {
    const small = createParsePool({ size: 1, timeoutMs: 10_000, maxQueued: 1 });
    pools.push(small);
    const first = small.preview(file('>> A: first'));
    await expect(small.preview(file('>> A: second'))).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(first).resolves.toMatchObject({ detectedFormat: 'cart' });
  });

  it('after close, waiting and new files are refused', async () => {
    const closing = createParsePool({ size: 1, timeoutMs: 10_000 });
    const waiting = expect(closing.preview(file('>> A: never read'))).rejects.toMatchObject({ code: 'internal' });
    await closing.close();
    await waiting;
    await expect(closing.preview(file('>> A: too late'))).rejects.toMatchObject({ code: 'internal' });
  });
});
