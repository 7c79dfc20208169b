// Parsers on their worst inputs (common/src/testing/pathological-inputs.ts): time at 100 KB and 1 MB,
// and how much doubling the size (512 KB → 1 MB) multiplies the time: about 2 is linear, 4 quadratic.
// Medians of BENCH_RUNS runs; a ratio over 3 is measured again (twice at most, the machine is shared)
// and the run exits 1 if it stays over 3. `npm run bench:parsers -- cart` runs the inputs named so.
import { measureDoubling, medianMs, pathologicalInputs, readAsPreview } from '../../common/src/testing/pathological-inputs.ts';

const kb = 1024;
const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.argv[2];
const maxRatio = 3;
const attempts = 3;

let worst = 0;
console.log(`${'input'.padEnd(60)} ${'100 KB'.padStart(11)} ${'1 MB'.padStart(12)}   512 KB → 1 MB`);
for (const input of pathologicalInputs) {
  if (only && !input.name.includes(only)) continue;
  const small = input.generate(100 * kb);
  const at100k = medianMs(() => readAsPreview(small, input.format), runs);
  let doubling = measureDoubling(input, 512 * kb, runs);
  for (let attempt = 1; attempt < attempts && doubling.ratio > maxRatio; attempt++) {
    const again = measureDoubling(input, 512 * kb, runs);
    if (again.ratio < doubling.ratio) doubling = again;
  }
  worst = Math.max(worst, doubling.ratio);
  console.log(`${input.name.padEnd(60)} ${at100k.toFixed(1).padStart(8)} ms ${doubling.large.toFixed(1).padStart(9)} ms   ×${doubling.ratio.toFixed(2)}`);
}
console.log(`\nmedians of ${runs} runs; worst doubling ×${worst.toFixed(2)} (limit ×${maxRatio}; times under 1 ms count as 1 ms)`);
if (worst > maxRatio) process.exitCode = 1;
