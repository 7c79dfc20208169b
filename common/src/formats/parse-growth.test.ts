import { describe, expect, it } from 'vitest';
import { measureDoubling, pathologicalInputs } from '../testing/pathological-inputs.ts';

// Small enough that the whole file runs in seconds, large enough that a quadratic path shows (×4) and
// past the sizes where JIT tiers and young-generation GC make small inputs noisy (×5 seen at 16 KiB).
const size = 64 * 1024;
const runs = 5;
const maxRatio = 3;
// The machine is shared: one slow run can spoil a ratio, but a quadratic parser fails every attempt.
const attempts = 3;

describe('every parser runs in time linear in its input (scripts/bench/parsers.bench.ts for the figures)', () => {
  it.each(pathologicalInputs.map((input) => [input.name, input] as const))('%s: doubling the input at most triples the time', (_name, input) => {
    const ratios: number[] = [];
    for (let attempt = 0; attempt < attempts; attempt++) {
      const { ratio } = measureDoubling(input, size, runs);
      ratios.push(ratio);
      if (ratio <= maxRatio) break;
    }
    expect(Math.min(...ratios), `time ratios at ${size} → ${2 * size} characters: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}`).toBeLessThanOrEqual(maxRatio);
  }, 60_000);
});
