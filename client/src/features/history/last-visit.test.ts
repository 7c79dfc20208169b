import { describe, expect, it } from 'vitest';
import { recordVisit } from './last-visit.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe('recordVisit', () => {
  it('returns the version seen on the previous visit, per user and transcript', () => {
    const storage = memoryStorage();
    expect(recordVisit(storage, { userId: 'u1', transcriptId: 't1', latestVersion: 2 })).toBeNull();
    expect(recordVisit(storage, { userId: 'u1', transcriptId: 't1', latestVersion: 5 })).toBe(2);
    expect(recordVisit(storage, { userId: 'u1', transcriptId: 't1', latestVersion: 5 })).toBe(5);
    expect(recordVisit(storage, { userId: 'u2', transcriptId: 't1', latestVersion: 5 })).toBeNull();
    expect(recordVisit(storage, { userId: 'u1', transcriptId: 't2', latestVersion: 1 })).toBeNull();
  });

  it('ignores a value it did not write', () => {
    const storage = memoryStorage();
    storage.setItem('verity:last-visit:u1:t1', 'garbage');
    expect(recordVisit(storage, { userId: 'u1', transcriptId: 't1', latestVersion: 3 })).toBeNull();
  });
});
