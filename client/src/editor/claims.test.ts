import { describe, expect, it } from 'vitest';
import { ClaimTracker, claimWindowMs, isConflict, readClaim } from './claims.ts';

const state = (name: string, claim?: object) => ({ data: { name }, ...(claim ? { claim } : {}) });

describe('claims', () => {
  it('relabel conflicts only with structural claims; split and merge with any', () => {
    expect(isConflict('relabel', 'edit')).toBe(false);
    expect(isConflict('relabel', 'split')).toBe(true);
    expect(isConflict('split', 'edit')).toBe(true);
    expect(isConflict('merge', 'relabel')).toBe(true);
  });

  it('reads only well-formed claims', () => {
    expect(readClaim({ claim: { turnId: 't', kind: 'split', at: 1 } })).toEqual({ turnId: 't', kind: 'split', at: 1 });
    expect(readClaim({ claim: { turnId: 't', kind: 'explode', at: 1 } })).toBeNull();
    expect(readClaim(null)).toBeNull();
  });

  it('blocks a split on a turn someone is typing in, until the claim is old', () => {
    const tracker = new ClaimTracker();
    tracker.observe(new Map([[2, state('Bea', { turnId: 't1', kind: 'edit', at: 500 })]]), 1, 1000);
    expect(tracker.blocking(['t1'], 'split', 1000)?.name).toBe('Bea');
    expect(tracker.blocking(['t2'], 'split', 1000)).toBeNull();
    expect(tracker.blocking(['t1'], 'relabel', 1000)).toBeNull();
    expect(tracker.blocking(['t1'], 'split', 1000 + claimWindowMs)).toBeNull();
  });

  it('measures age by when we saw a claim, not the sender clock', () => {
    const tracker = new ClaimTracker();
    // The sender's clock is far behind ours; the claim is still fresh for us.
    tracker.observe(new Map([[2, state('Bea', { turnId: 't1', kind: 'split', at: 5 })]]), 1, 10_000);
    expect(tracker.blocking(['t1'], 'merge', 10_100)).not.toBeNull();
    // Seeing the same claim again does not refresh it; a new one does.
    tracker.observe(new Map([[2, state('Bea', { turnId: 't1', kind: 'split', at: 5 })]]), 1, 13_000);
    expect(tracker.blocking(['t1'], 'merge', 10_000 + claimWindowMs)).toBeNull();
    tracker.observe(new Map([[2, state('Bea', { turnId: 't1', kind: 'split', at: 6 })]]), 1, 15_000);
    expect(tracker.blocking(['t1'], 'merge', 15_001)).not.toBeNull();
  });

  it('ignores our own claims and forgets people who left', () => {
    const tracker = new ClaimTracker();
    tracker.observe(new Map([[1, state('Me', { turnId: 't1', kind: 'split', at: 1 })], [2, state('Bea', { turnId: 't1', kind: 'split', at: 1 })]]), 1, 0);
    expect(tracker.blocking(['t1'], 'split', 1)?.name).toBe('Bea');
    tracker.observe(new Map([[1, state('Me')]]), 1, 2);
    expect(tracker.blocking(['t1'], 'split', 3)).toBeNull();
  });
});
