// Import throughput: a ≥100,000-word CART transcript built from the shared seeds, parsed several times.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWords, parseTranscript } from '../../common/src/index.ts';

const targetWords = 100_000;
const runs = 7;
const goalWordsPerSecond = 300_000;

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
const seedNames = ['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt'];
if (!seedNames.every((name) => existsSync(path.join(seedsDir, name)))) {
  console.error(`Seeds not found in ${seedsDir}; the import benchmark needs them.`);
  process.exit(1);
}

// Keep one header (the first seed's) and repeat every seed's turns until the word target is met.
const seeds = seedNames.map((name) => readFileSync(path.join(seedsDir, name), 'utf8'));
const bodies = seeds.map((text) => {
  const start = text.search(/^[\s\u00a0]*>>/m);
  const footer = text.search(/^Contact Information\s*$/m);
  return text.slice(start, footer > start ? footer : undefined);
});
const parts: string[] = [seeds[0]?.slice(0, seeds[0].search(/^[\s\u00a0]*>>/m)) ?? ''];
let words = 0;
while (words < targetWords) {
  for (const body of bodies) {
    parts.push(body, '\n\n');
    words += countWords(body);
  }
}
const input = new TextEncoder().encode(parts.join(''));

const timings: number[] = [];
let turnCount = 0;
for (let run = 0; run < runs + 1; run++) {
  const started = performance.now();
  const transcript = parseTranscript(input, { fileName: 'bench.txt' });
  const elapsed = performance.now() - started;
  turnCount = transcript.turns.length;
  // The first run warms up the JIT and is not counted.
  if (run > 0) timings.push(elapsed);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? 0;
const wordsPerSecond = Math.round(words / (median / 1000));
console.log(`input: ${words.toLocaleString('en')} words, ${(input.length / 1024).toFixed(0)} KB, ${turnCount.toLocaleString('en')} turns`);
console.log(`median of ${runs} runs: ${median.toFixed(1)} ms (min ${timings[0]?.toFixed(1)} ms, max ${timings[timings.length - 1]?.toFixed(1)} ms)`);
console.log(`throughput: ${wordsPerSecond.toLocaleString('en')} words/s (goal ≥ ${goalWordsPerSecond.toLocaleString('en')})`);
if (wordsPerSecond < goalWordsPerSecond) process.exitCode = 1;
