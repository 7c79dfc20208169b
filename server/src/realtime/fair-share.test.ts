import { describe, expect, it } from 'vitest';
import { encodeAwarenessFrame, encodeQueryAwarenessFrame, encodeSyncStep1Frame, encodeUpdateFrame } from '@verity/common';
import { FairShare, fairShareLimits, isUpdateFrame, TokenBucket, UserBudgets } from './fair-share.ts';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBucket', () => {
  it('gives out its capacity, then refills at its rate and never beyond capacity', () => {
    const time = clock();
    const bucket = new TokenBucket(3, 2, time.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.delayFor(1)).toBe(500);
    time.advance(500);
    expect(bucket.take()).toBe(true);
    time.advance(60_000);
    expect([bucket.take(3), bucket.take()]).toEqual([true, false]);
  });
});

describe('UserBudgets', () => {
  it('limits one user’s joins across sockets, not other users’', () => {
    const time = clock();
    const budgets = new UserBudgets({ userJoins: { capacity: 2, perSecond: 1 }, userUpdates: fairShareLimits.userUpdates }, time.now);
    const socketOf = (userId: string) => new FairShare(fairShareLimits, time.now, budgets.of(userId));
    expect([socketOf('ada').admitJoin(), socketOf('ada').admitJoin(), socketOf('ada').admitJoin(), socketOf('bea').admitJoin()]).toEqual(['admit', 'admit', 'refuse', 'admit']);
    time.advance(1000);
    expect(socketOf('ada').admitJoin()).toBe('admit');
  });

  it('shares one update rate among a user’s sockets', async () => {
    const budgets = new UserBudgets({ userJoins: fairShareLimits.userJoins, userUpdates: { capacity: 2, perSecond: 20 } });
    const [first, second] = [new FairShare(fairShareLimits, undefined, budgets.of('ada')), new FairShare(fairShareLimits, undefined, budgets.of('ada'))];
    const started = performance.now();
    await Promise.all([first.awaitUpdateTurn(1), second.awaitUpdateTurn(1), first.awaitUpdateTurn(1), second.awaitUpdateTurn(1)]);
    // Two from the burst, two more at 20/s: about 100 ms, where separate budgets would take none.
    expect(performance.now() - started).toBeGreaterThanOrEqual(80);
  });
});

describe('FairShare', () => {
  const limits = { ...fairShareLimits, syncRequests: { capacity: 2, perSecond: 1 }, refusals: { capacity: 3, perSecond: 1 }, backlog: { capacity: 4, perSecond: 0 } };

  it('classifies frames: step 1, queries and presence are not document updates', () => {
    expect(isUpdateFrame(encodeSyncStep1Frame(Uint8Array.of(0)))).toBe(false);
    expect(isUpdateFrame(encodeQueryAwarenessFrame())).toBe(false);
    expect(isUpdateFrame(encodeAwarenessFrame(Uint8Array.of(0)))).toBe(false);
    expect(isUpdateFrame(encodeUpdateFrame(Uint8Array.of(0, 0)))).toBe(true);
    expect(isUpdateFrame(Uint8Array.of(99))).toBe(true);
  });

  it('refuses sync requests beyond the budget, then disconnects a client that keeps asking', () => {
    const time = clock();
    const share = new FairShare(limits, time.now);
    const step1 = encodeSyncStep1Frame(Uint8Array.of(0));
    expect([share.admitJoin(), share.admitFrame(step1)]).toEqual(['admit', 'admit']);
    expect([share.admitFrame(step1), share.admitFrame(step1), share.admitFrame(step1)]).toEqual(['refuse', 'refuse', 'refuse']);
    expect(share.admitFrame(step1)).toBe('disconnect');
    time.advance(1000);
    expect(share.admitFrame(step1)).toBe('admit');
  });

  it('lets document updates wait their turn in order, and calls a full backlog abuse', async () => {
    const share = new FairShare({ ...limits, updates: { capacity: 1, perSecond: 100 } });
    const order: number[] = [];
    const turns = [0, 1, 2, 3].map((n) => share.awaitUpdateTurn(10).then((ok) => (ok ? order.push(n) : null)));
    expect(await share.awaitUpdateTurn(10)).toBe(false);
    await Promise.all(turns);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(await share.awaitUpdateTurn(10)).toBe(true);
  });
});
