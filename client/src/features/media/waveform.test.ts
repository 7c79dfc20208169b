import { describe, expect, it } from 'vitest';
import { columnsFor } from './waveform.tsx';

describe('columnsFor', () => {
  it('folds pairs into one min/max per column, keeping the extremes', () => {
    const peaks = { length: 4, data: [-10, 10, -20, 5, -1, 1, -3, 30] };
    expect(Array.from(columnsFor(peaks, 2))).toEqual([-20, 10, -3, 30]);
    expect(Array.from(columnsFor(peaks, 4))).toEqual([-10, 10, -20, 5, -1, 1, -3, 30]);
  });
  it('stretches fewer pairs than columns, and draws nothing for no peaks', () => {
    expect(Array.from(columnsFor({ length: 1, data: [-5, 7] }, 3))).toEqual([-5, 7, -5, 7, -5, 7]);
    expect(Array.from(columnsFor({ length: 0, data: [] }, 3))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
