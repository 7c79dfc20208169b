import type { FindQuery, FindResult, SearchableBlock } from '@verity/common';

/** How long one search may run before its worker is terminated (a backtracking regex can run for ever). */
export const findBudgetMs = 1500;

/** The part of a Worker the runner uses (a fake in tests). */
export interface FindWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FindResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

const createFindWorker = (): FindWorker => new Worker(new URL('./find.worker.ts', import.meta.url), { type: 'module', name: 'find' });

/**
 * Runs one search in its own worker and resolves with its result, or with a message when it takes
 * longer than `budgetMs` (the worker is terminated: the page never hangs) or fails. `signal` cancels
 * a search that a newer one replaces; it then resolves null.
 */
export function runFind(
  blocks: SearchableBlock[],
  query: FindQuery,
  options: { budgetMs?: number; signal?: AbortSignal; createWorker?: () => FindWorker } = {},
): Promise<FindResult | null> {
  const budgetMs = options.budgetMs ?? findBudgetMs;
  return new Promise((resolve) => {
    const worker = (options.createWorker ?? createFindWorker)();
    let isDone = false;
    const finish = (result: FindResult | null) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
      worker.terminate();
      resolve(result);
    };
    const cancel = () => finish(null);
    const timer = setTimeout(
      () => finish({ ok: false, message: `The search was stopped after ${(budgetMs / 1000).toFixed(1)} s: this pattern takes too long (it backtracks). Try a simpler one.` }),
      budgetMs,
    );
    if (options.signal?.aborted) return cancel();
    options.signal?.addEventListener('abort', cancel);
    worker.onmessage = (event) => finish(event.data);
    worker.onerror = () => finish({ ok: false, message: 'The search failed. Try again.' });
    worker.postMessage({ blocks, query });
  });
}
