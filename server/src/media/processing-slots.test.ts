import { describe, expect, it } from 'vitest';
import { createProcessingSlots } from './processing-slots.ts';

describe('createProcessingSlots', () => {
  it('runs at most `size` jobs at once, the rest in order, and frees a slot when a job fails', async () => {
    const slots = createProcessingSlots(2);
    let peak = 0;
    const order: number[] = [];
    const job = (id: number, fails = false) => slots.run(async () => {
      peak = Math.max(peak, slots.running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(id);
      if (fails) throw new Error(`job ${id}`);
      return id;
    });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(peak).toBe(2);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(slots.running).toBe(0);
  });
});
