import { describe, expect, it } from 'vitest';
import type { LiveSessions, LiveSessionsEvents } from '../collab/live-sessions.ts';
import { systemUserId } from '../collab/system-user.ts';
import { TypedEmitter } from '../collab/typed-emitter.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { createLogger } from '../logger.ts';
import { subscribeReview } from './subscribe-review.ts';

/** A database whose reopen statements wait for the test, recording each one's transcript and actor. */
function fakeDatabase() {
  const calls: { values: unknown[]; finish: () => void }[] = [];
  const prisma = {
    $queryRaw: (_strings: TemplateStringsArray, ...values: unknown[]) => new Promise<unknown[]>((resolve) => calls.push({ values, finish: () => resolve([]) })),
  } as unknown as PrismaClient;
  return { prisma, calls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('subscribeReview', () => {
  it('runs one reopen check per transcript at a time, then one more for the edits made meanwhile (latest editor)', async () => {
    const events = new TypedEmitter<LiveSessionsEvents>();
    const { prisma, calls } = fakeDatabase();
    subscribeReview({ liveSessions: { events } as unknown as LiveSessions, prisma, logger: createLogger({ level: 'silent' }) });
    const edit = (transcriptId: string, userId: string) => events.emit('updateAccepted', { transcriptId, userId, seq: 1, byteLength: 1 });

    edit('t1', 'ada');
    for (let k = 0; k < 50; k++) edit('t1', k % 2 ? 'bea' : 'cy');
    edit('t1', systemUserId);
    edit('t2', 'dan');
    expect(calls.map((call) => call.values)).toEqual([expect.arrayContaining(['t1', 'ada']), expect.arrayContaining(['t2', 'dan'])]);
    calls[0]!.finish();
    await flush();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.values).toEqual(expect.arrayContaining(['t1', 'bea']));
    calls[2]!.finish();
    calls[1]!.finish();
    await flush();
    expect(calls).toHaveLength(3);
    edit('t1', 'ada');
    expect(calls).toHaveLength(4);
  });
});
