import { describe, expect, it, vi } from 'vitest';
import { findInTranscript, type FindQuery, type FindResult } from '@verity/common';
import { runFind, type FindWorker } from './run-find.ts';

const query: FindQuery = { pattern: 'GAC', replacement: 'GFCE', isCaseSensitive: false, isWholeWord: false, isRegex: false };
const blocks = [{ id: 't1', kind: 'turn' as const, speakerId: null, text: 'The GAC met.' }];

/** A worker that answers with the real search, or never (as a catastrophic regex would). */
function fakeWorker(behaviour: 'answers' | 'hangs' | 'fails') {
  const worker: FindWorker & { isTerminated: boolean } = {
    isTerminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message: unknown) {
      const { blocks: posted, query: asked } = message as { blocks: typeof blocks; query: FindQuery };
      if (behaviour === 'answers') setTimeout(() => worker.onmessage?.({ data: findInTranscript(posted, asked) } as MessageEvent<FindResult>), 1);
      if (behaviour === 'fails') setTimeout(() => worker.onerror?.({} as ErrorEvent), 1);
    },
    terminate() {
      worker.isTerminated = true;
    },
  };
  return worker;
}

describe('runFind', () => {
  it('returns the worker’s hits and frees the worker', async () => {
    const worker = fakeWorker('answers');
    const result = await runFind(blocks, query, { createWorker: () => worker });
    expect(result).toMatchObject({ ok: true, hits: [{ match: 'GAC', start: 4 }] });
    expect(worker.isTerminated).toBe(true);
  });

  it('stops a search that runs past its time budget with a message, terminating the worker', async () => {
    vi.useFakeTimers();
    try {
      const worker = fakeWorker('hangs');
      const pending = runFind(blocks, { ...query, isRegex: true, pattern: '(\\w+\\s?)+!' }, { budgetMs: 1500, createWorker: () => worker });
      await vi.advanceTimersByTimeAsync(1499);
      expect(worker.isTerminated).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toMatchObject({ ok: false, message: expect.stringContaining('stopped after 1.5 s') });
      expect(worker.isTerminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolves null when a newer search replaces it, and reports a failed worker', async () => {
    const controller = new AbortController();
    const hanging = fakeWorker('hangs');
    const pending = runFind(blocks, query, { signal: controller.signal, createWorker: () => hanging });
    controller.abort();
    expect(await pending).toBeNull();
    expect(hanging.isTerminated).toBe(true);
    expect(await runFind(blocks, query, { createWorker: () => fakeWorker('fails') })).toMatchObject({ ok: false });
  });
});
