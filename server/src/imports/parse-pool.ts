import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ImportPreview } from '@verity/common';
import type { ImportReader, ReadImport } from './import-reader.ts';
import type { ImportFile } from './read-import-file.ts';

/** A task sent to a worker. */
export type ParseTask = { id: number; kind: 'read'; file: ImportFile } | { id: number; kind: 'preview'; file: ImportFile };

/** What a worker sends back: ready once its modules are loaded, then one reply per task. */
export type ParseReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: ReadImport | ImportPreview }
  | { type: 'refused'; id: number; code: ErrorCode; message: string }
  | { type: 'failed'; id: number; message: string };

/** Import and preview parsing in worker threads, with a time budget per file; close() ends the workers. */
export interface ParsePool extends ImportReader {
  close(): Promise<void>;
}

/** The pool's bounds: workers, time and memory per file, files waiting. */
export interface ParsePoolOptions {
  /** Workers at most; each is started on first need. */
  size: number;
  /** A file still being read after this long (plus `timeoutPerMbMs` per MB of it) is refused and its worker replaced. */
  timeoutMs: number;
  /**
   * Extra budget per MB of file: every parser is linear, so an honest file's time grows with its size,
   * while a pathological one grows faster and still hits the budget.
   */
  timeoutPerMbMs?: number;
  /** Files waiting for a worker at most; beyond, a request is refused as rate_limited. */
  maxQueued?: number;
  /** An idle worker exits after this long, so an app nobody closes does not keep threads. */
  idleMs?: number;
  /** A worker's heap limit: a file that needs more is refused rather than taking the server's memory. */
  heapMb?: number;
}

interface Job {
  task: ParseTask;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  isReady: boolean;
  job: Job | null;
  /** Why the worker is being stopped while it has a job: the job fails with this. */
  failure: Error | null;
  timer: NodeJS.Timeout | null;
}

// A CommonJS shim that registers tsx, then loads parse-worker.ts: the same under `node --import tsx` and vitest.
const workerUrl = new URL('./parse-worker.cjs', import.meta.url);

const tooLong = () => new AppError('file_too_costly', 'This file took too long to read; is it a transcript?');
const tooBig = () => new AppError('file_too_costly', 'This file needed too much memory to read; is it a transcript?');

/** Starts (lazily) a pool of parse workers; see ParsePoolOptions for the bounds. */
export function createParsePool({ size, timeoutMs, timeoutPerMbMs = 0, maxQueued = 16, idleMs = 10 * 60_000, heapMb = 1_024 }: ParsePoolOptions): ParsePool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let isClosed = false;

  function spawn(): void {
    // No inherited execArgv: `--watch` and the like are the parent's business.
    const worker = new Worker(workerUrl, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const slot: Slot = { worker, isReady: false, job: null, failure: null, timer: null };
    slots.push(slot);
    let crash: Error | null = null;
    worker.on('message', (reply: ParseReply) => {
      // A worker being stopped (timeout, idle, close) takes no more work; its job fails with the reason on exit.
      if (slot.failure) return;
      if (reply.type === 'ready') {
        slot.isReady = true;
      } else if (slot.job && reply.id === slot.job.task.id) {
        const { job } = slot;
        release(slot);
        if (reply.type === 'done') job.resolve(reply.result as never);
        else job.reject(reply.type === 'refused' ? new AppError(reply.code, reply.message) : new Error(`parse worker: ${reply.message}`));
      }
      dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      crash = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : error;
    });
    worker.on('exit', () => {
      slots.splice(slots.indexOf(slot), 1);
      if (slot.timer) clearTimeout(slot.timer);
      const failure = slot.failure ?? crash ?? new Error('parse worker exited');
      if (slot.job) slot.job.reject(failure);
      // A worker that dies before it is ready would die again: fail what waits instead of respawning forever.
      if (!slot.isReady) for (const job of queue.splice(0)) job.reject(failure);
      // A worker stopped mid-file is replaced at once, so the next file does not wait for a start-up.
      else if (slot.job && !isClosed && slots.length < size) spawn();
      dispatch();
    });
  }

  /** Terminates a worker; until it has exited it takes no file, and its file (if any) fails with `failure`. */
  function stop(slot: Slot, failure: Error): Promise<number> {
    slot.failure ??= failure;
    return slot.worker.terminate();
  }

  /** The slot is free again; an idle worker exits after idleMs and never keeps the process alive. */
  function release(slot: Slot): void {
    slot.job = null;
    slot.worker.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => stop(slot, new Error('idle parse worker stopped')), idleMs);
    slot.timer.unref();
  }

  function dispatch(): void {
    if (isClosed) return;
    const findFree = () => slots.find((free) => free.isReady && !free.job && !free.failure);
    for (let slot = findFree(); slot && queue.length > 0; slot = findFree()) {
      const job = queue.shift() as Job;
      const busy = slot;
      busy.job = job;
      busy.worker.ref();
      if (busy.timer) clearTimeout(busy.timer);
      // The budget starts when a worker takes the file, so waiting in the queue never counts against it.
      const budgetMs = timeoutMs + (timeoutPerMbMs * job.task.file.bytes.byteLength) / (1024 * 1024);
      busy.timer = setTimeout(() => stop(busy, tooLong()), budgetMs);
      busy.worker.postMessage(job.task, [job.task.file.bytes.buffer as ArrayBuffer]);
    }
    const starting = slots.filter((slot) => !slot.isReady).length;
    for (let count = starting; count < queue.length && slots.length < size; count++) spawn();
  }

  function run<T>(kind: ParseTask['kind'], file: ImportFile): Promise<T> {
    if (isClosed) return Promise.reject(new AppError('internal', 'The server is shutting down.'));
    if (queue.length >= maxQueued) return Promise.reject(new AppError('rate_limited', 'The server is reading many files just now; try again in a moment.'));
    // A copy of just the file's bytes (a Buffer may view a larger shared slab), transferred to the worker, not cloned again.
    const bytes = new Uint8Array(file.bytes);
    return new Promise<T>((resolve, reject) => {
      queue.push({ task: { id: nextId++, kind, file: { ...file, bytes } }, resolve: resolve as (result: never) => void, reject });
      dispatch();
    });
  }

  return {
    read: (file) => run<ReadImport>('read', file),
    preview: (file) => run<ImportPreview>('preview', file),
    async close() {
      isClosed = true;
      const stopping = new AppError('internal', 'The server is shutting down.');
      for (const job of queue.splice(0)) job.reject(stopping);
      await Promise.all(slots.map((slot) => stop(slot, stopping)));
    },
  };
}
