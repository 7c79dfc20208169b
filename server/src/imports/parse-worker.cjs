/* eslint-disable @typescript-eslint/no-require-imports -- requiring is what this CommonJS entry is for */
// Worker thread entry of the parse pool. It loads the TypeScript entry through tsx's require hooks:
// on Node 20, module hooks (`--import tsx`) do not reach worker threads, and vitest has none to give.
require('tsx/cjs');
require('./parse-worker.ts');
