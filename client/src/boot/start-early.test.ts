import { describe, expect, it } from 'vitest';
import { startEarly, takeEarly } from './start-early.ts';

describe('startEarly and takeEarly', () => {
  it('hands each early request to one taker, asks again when it failed, and starts a transcript’s only on its page', async () => {
    // Under Node the relative URLs fail: the failed early requests stand for ones made before signing in.
    startEarly('/import');
    let retries = 0;
    const retry = async () => {
      retries += 1;
      return 'asked again';
    };
    await expect(takeEarly('setup', retry)).resolves.toBe('asked again');
    await expect(takeEarly('me', retry)).resolves.toBe('asked again');
    expect(retries).toBe(2);
    expect(takeEarly('setup', retry)).toBeUndefined();
    expect(takeEarly('transcript:import', retry)).toBeUndefined();
  });
});
