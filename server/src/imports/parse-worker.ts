// Entry of a parse-pool worker thread: reads import files off the server's event loop.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '@verity/common';
import { readImport } from './import-reader.ts';
import type { ParseReply, ParseTask } from './parse-pool.ts';
import { previewImport } from './preview-import.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread of the parse pool.');

port.on('message', (task: ParseTask) => {
  void (async () => {
    let reply: ParseReply;
    try {
      const result = task.kind === 'preview' ? previewImport(task.file) : await readImport(task.file);
      reply = { type: 'done', id: task.id, result };
    } catch (error) {
      // AppErrors cross as code and message; anything else as a message the pool logs as a 500.
      reply = isAppError(error)
        ? { type: 'refused', id: task.id, code: error.code, message: error.message }
        : { type: 'failed', id: task.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  })();
});
// Modules are loaded (tsx compiles them on the way): the pool may now start the clock on a task.
port.postMessage({ type: 'ready' } satisfies ParseReply);
