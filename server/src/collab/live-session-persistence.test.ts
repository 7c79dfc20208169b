import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FakeClient} from './fake-connection.ts';
import { FakeConnectionBuilder } from './fake-connection.ts';
import { LiveSession } from './live-session.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';
import type { AppendUpdate } from './update-store.ts';

const transcriptId = 'transcript-1';
const cleanup: (() => unknown)[] = [];

afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

/** A memory store whose appends (one row, or a group) wait for the test to release them, counting overlaps. */
class GatedStore extends MemoryUpdateStore {
  readonly gates: { release: () => void; fail: (error: Error) => void }[] = [];
  /** Rows per store call, in call order. */
  readonly groups: number[] = [];
  inFlight = 0;
  maxInFlight = 0;

  override append(row: AppendUpdate): Promise<{ seq: number }> {
    return this.gated([row]).then(([stored]) => stored!);
  }

  override appendMany(rows: readonly AppendUpdate[]): Promise<{ seq: number }[]> {
    return this.gated(rows);
  }

  private async gated(rows: readonly AppendUpdate[]): Promise<{ seq: number }[]> {
    this.groups.push(rows.length);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise<void>((release, fail) => this.gates.push({ release, fail }));
      return await super.appendMany(rows);
    } finally {
      this.inFlight--;
    }
  }
}

async function open(store: MemoryUpdateStore, checkpointEvery?: number) {
  const session = await LiveSession.load({ transcriptId, store, checkpointEvery });
  cleanup.push(() => session.close('server_shutdown'));
  const connect = (userId: string): FakeClient => {
    const client = new FakeConnectionBuilder(session).withUser(userId).join();
    cleanup.push(() => client.awareness.destroy());
    return client;
  };
  return { session, connect };
}

const insert = (text: string) => (doc: Y.Doc) => doc.getText('body').insert(0, text);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LiveSession persistence', () => {
  it('broadcasts and acknowledges only after the store resolved (the document has it at once, for checking what follows)', async () => {
    const store = new GatedStore();
    const { session, connect } = await open(store);
    const alice = connect('alice');
    const bob = connect('bob');
    let result: unknown;

    const pending = alice.edit(insert('slow')).then((value) => (result = value));
    await tick();

    expect(store.gates).toHaveLength(1);
    expect(result).toBeUndefined();
    expect(session.doc.getText('body').toString()).toBe('slow');
    expect(session.lastSeq).toBe(0);
    expect(bob.text()).toBe('');

    store.gates[0]!.release();
    await pending;

    expect(result).toEqual({ kind: 'accepted', seq: 1, isDuplicate: false });
    expect(session.doc.getText('body').toString()).toBe('slow');
    expect(bob.text()).toBe('slow');
  });

  it('answers sync step 1 from stored state only: an update still being stored reaches nobody through it', async () => {
    const store = new GatedStore();
    const { connect } = await open(store);
    const alice = connect('alice');
    const carol = connect('carol');

    const pending = alice.edit(insert('slow'));
    await tick();
    let answered = false;
    const step1 = carol.syncStep1().then(() => (answered = true));
    await tick();

    expect(answered).toBe(false);
    expect(carol.text()).toBe('');

    store.gates[0]!.release();
    await Promise.all([pending, step1]);
    expect(carol.text()).toBe('slow');
  });

  it('closes the session when a group fails: store_failed, nothing broadcast or checkpointed, a reload has none of it', async () => {
    const store = new GatedStore();
    const { session, connect } = await open(store);
    const alice = connect('alice');
    const bob = connect('bob');
    const bobReceived = bob.received.length;

    const pending = alice.edit(insert('lost'));
    await tick();
    const later = bob.edit(insert('built on it'));
    store.gates[0]!.fail(new Error('database down'));

    expect(await pending).toMatchObject({ kind: 'rejected', reason: 'store_failed', close: 'store_failed' });
    expect(await later).toMatchObject({ kind: 'rejected' });
    expect(bob.received.length).toBe(bobReceived);
    expect(session.lastSeq).toBe(0);
    await session.close('server_shutdown');
    expect(alice.connection.closedWith).toBe('store_failed');
    expect(bob.connection.closedWith).toBe('store_failed');
    expect(store.checkpointHistory).toEqual([]);
    const reloaded = await LiveSession.load({ transcriptId, store });
    cleanup.push(() => reloaded.close('server_shutdown'));
    expect(reloaded.doc.getText('body').toString()).toBe('');
  });

  it('a transcript deleted under the session: its failed appends are refused without a store_failed close, so the deletion tells why', async () => {
    let exists = true;
    const store = Object.assign(new GatedStore(), { hasTranscript: () => Promise.resolve(exists) });
    const { session, connect } = await open(store);
    const alice = connect('alice');

    const pending = alice.edit(insert('typed as it was deleted'));
    await tick();
    exists = false;
    store.gates[0]!.fail(new Error('insert violates foreign key constraint'));

    const result = await pending;
    expect(result).toMatchObject({ kind: 'rejected', reason: 'store_failed' });
    expect(result).not.toHaveProperty('close');
    expect(await alice.edit(insert('and more'))).toMatchObject({ kind: 'rejected', reason: 'store_failed' });
    expect(alice.connection.closedWith).toBeNull();
    expect(session.lastSeq).toBe(0);
    await session.close('not_found');
    expect(alice.connection.closedWith).toBe('not_found');
  });

  it('stores what arrives while a group is written as the next group, one at a time, acknowledging in receive order', async () => {
    const store = new GatedStore();
    const { connect } = await open(store);
    const alice = connect('alice');
    const bob = connect('bob');
    const acks: { who: string; result: unknown }[] = [];

    const results = [alice.edit(insert('a')).then((result) => acks.push({ who: 'alice', result }))];
    await tick();
    results.push(
      bob.edit(insert('b')).then((result) => acks.push({ who: 'bob', result })),
      alice.edit(insert('c')).then((result) => acks.push({ who: 'alice', result })),
    );
    await tick();
    expect(store.gates).toHaveLength(1); // b and c wait for the group in flight
    store.gates[0]!.release();
    await tick();
    expect(store.gates).toHaveLength(2);
    expect(acks).toHaveLength(1);
    store.gates[1]!.release();
    await Promise.all(results);

    expect(store.groups).toEqual([1, 2]);
    expect(store.maxInFlight).toBe(1);
    const accepted = (seq: number) => ({ kind: 'accepted', seq, isDuplicate: false });
    expect(acks).toEqual([
      { who: 'alice', result: accepted(1) },
      { who: 'bob', result: accepted(2) },
      { who: 'alice', result: accepted(3) },
    ]);
  });
});

describe('LiveSession checkpoints', () => {
  it('writes a checkpoint after every N accepted updates', async () => {
    const store = new MemoryUpdateStore();
    const { session, connect } = await open(store, 3);
    const saved: number[] = [];
    session.events.on('checkpointSaved', ({ uptoSeq }) => saved.push(uptoSeq));
    const alice = connect('alice');

    for (const letter of 'abcdefg') await alice.edit(insert(letter));
    await tick();

    expect(saved).toEqual([3, 6]);
    expect((await store.loadLatest(transcriptId))?.uptoSeq).toBe(6);
  });

  it('writes a checkpoint when the last connection leaves, then reports idle', async () => {
    const store = new MemoryUpdateStore();
    const { session, connect } = await open(store);
    const alice = connect('alice');
    const bob = connect('bob');
    await alice.edit(insert('x'));
    const idle = new Promise((resolve) => session.events.on('idle', resolve));

    alice.leave();
    await tick();
    expect(store.checkpointHistory).toEqual([]);
    bob.leave();

    await idle;
    expect(store.checkpointHistory).toEqual([{ transcriptId, uptoSeq: 1 }]);
  });

  it('skips the checkpoint on leave when nothing changed since the last one', async () => {
    const store = new MemoryUpdateStore();
    const { session, connect } = await open(store);
    const idle = new Promise((resolve) => session.events.on('idle', resolve));

    connect('alice').leave();

    await idle;
    expect(store.checkpointHistory).toEqual([]);
  });

  it('reloads the same document from checkpoint plus later log rows', async () => {
    const store = new MemoryUpdateStore();
    const first = await open(store, 2);
    const alice = first.connect('alice');
    const bob = first.connect('bob');
    await alice.edit(insert('one '));
    await bob.edit((doc) => doc.getMap('speakers').set('s1', 'Ada'));
    await alice.edit((doc) => doc.getText('body').delete(0, 2));
    await tick();
    expect((await store.loadLatest(transcriptId))?.uptoSeq).toBe(2);
    expect(store.rows(transcriptId)).toHaveLength(3);

    const reloaded = await LiveSession.load({ transcriptId, store });
    cleanup.push(() => reloaded.close('server_shutdown'));

    expect(reloaded.lastSeq).toBe(3);
    expect(reloaded.doc.getText('body').toString()).toBe(first.session.doc.getText('body').toString());
    expect(reloaded.doc.getMap('speakers').toJSON()).toEqual({ s1: 'Ada' });
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(Y.encodeStateVector(first.session.doc));
  });

  it('on close disconnects everyone with the reason and writes the final checkpoint', async () => {
    const store = new MemoryUpdateStore();
    const { session, connect } = await open(store);
    const alice = connect('alice');
    await alice.edit(insert('bye'));

    await session.close('server_shutdown');

    expect(alice.connection.closedWith).toBe('server_shutdown');
    expect(store.checkpointHistory).toEqual([{ transcriptId, uptoSeq: 1 }]);
    expect(await alice.edit(insert('late'))).toMatchObject({ kind: 'rejected', reason: 'session_closed' });
  });

  it('keeps serving when a checkpoint fails and retries it later', async () => {
    const store = new MemoryUpdateStore();
    let failures = 1;
    const save = store.saveCheckpoint.bind(store);
    store.saveCheckpoint = async (...args) => {
      if (failures-- > 0) throw new Error('disk full');
      return save(...args);
    };
    const { session, connect } = await open(store, 1);
    const failed: number[] = [];
    session.events.on('checkpointFailed', ({ uptoSeq }) => failed.push(uptoSeq));
    const alice = connect('alice');

    await alice.edit(insert('a'));
    await tick();
    await alice.edit(insert('b'));
    await session.checkpoint();

    expect(failed).toEqual([1]);
    expect((await store.loadLatest(transcriptId))?.uptoSeq).toBe(2);
  });
});
