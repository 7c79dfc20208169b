import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdateFrame } from '@verity/common';
import { FakeConnection } from './fake-connection.ts';
import { LiveSessions } from './live-sessions.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';

const registries: LiveSessions[] = [];

afterEach(async () => {
  await Promise.all(registries.splice(0).map((registry) => registry.closeAll('server_shutdown')));
});

function createRegistry(store = new MemoryUpdateStore(), keepIdleMs?: number) {
  let loads = 0;
  const loadLatest = store.loadLatest.bind(store);
  store.loadLatest = async (transcriptId) => {
    loads++;
    await new Promise((resolve) => setTimeout(resolve, 5)); // widen the window for concurrent joins
    return loadLatest(transcriptId);
  };
  const registry = new LiveSessions({ store, keepIdleMs });
  registries.push(registry);
  return { registry, store, loads: () => loads };
}

let nextConnection = 1;
const connection = (userId = 'alice') => new FakeConnection(`c${nextConnection++}`, userId, true);

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return encodeUpdateFrame(Y.encodeStateAsUpdate(doc));
}

describe('LiveSessions', () => {
  it('loads a transcript once for concurrent joins', async () => {
    const { registry, loads } = createRegistry();

    const sessions = await Promise.all([
      registry.join('t1', connection('alice')),
      registry.join('t1', connection('bob')),
      registry.get('t1'),
    ]);

    expect(loads()).toBe(1);
    expect(new Set(sessions).size).toBe(1);
    expect(sessions[0]!.connectionCount).toBe(2);
  });

  it('disposes a session once empty and checkpointed, and reloads it on the next join', async () => {
    const { registry, store, loads } = createRegistry();
    const alice = connection('alice');
    const session = await registry.join('t1', alice);
    await session.receive(alice, textUpdate('kept'));
    const idle = new Promise((resolve) => session.events.on('idle', resolve));

    session.leave(alice);
    await idle;

    expect(registry.size).toBe(0);
    expect(session.isClosed).toBe(true);
    expect(store.checkpointHistory).toEqual([{ transcriptId: 't1', uptoSeq: 1 }]);
    const reopened = await registry.join('t1', connection('bob'));
    expect(reopened).not.toBe(session);
    expect(reopened.doc.getText('body').toString()).toBe('kept');
    expect(loads()).toBe(2);
  });

  it('with keepIdleMs, keeps an empty session loaded for a returning editor, then disposes of it', async () => {
    const { registry, store, loads } = createRegistry(new MemoryUpdateStore(), 150);
    const alice = connection('alice');
    const session = await registry.join('t1', alice);
    await session.receive(alice, textUpdate('kept'));
    let idle = new Promise((resolve) => session.events.on('idle', resolve));
    session.leave(alice);
    await idle;

    // Checkpointed like any idle session, but still open: the reload joins it without a load.
    expect(store.checkpointHistory).toEqual([{ transcriptId: 't1', uptoSeq: 1 }]);
    expect(session.isClosed).toBe(false);
    const bob = connection('bob');
    expect(await registry.join('t1', bob)).toBe(session);
    expect(loads()).toBe(1);
    // Still in use when the first idle period would have run out: kept.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(session.isClosed).toBe(false);

    idle = new Promise((resolve) => session.events.on('idle', resolve));
    session.leave(bob);
    await idle;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(session.isClosed).toBe(true);
    expect(registry.size).toBe(0);
    expect((await registry.join('t1', connection('carol'))).doc.getText('body').toString()).toBe('kept');
    expect(loads()).toBe(2);
  });

  it('keeps a session that someone joined while its idle checkpoint was written', async () => {
    const { registry } = createRegistry();
    const alice = connection('alice');
    const session = await registry.join('t1', alice);
    await session.receive(alice, textUpdate('x'));

    session.leave(alice);
    const again = await registry.join('t1', connection('bob'));
    await session.checkpoint();

    expect(again).toBe(session);
    expect(session.isClosed).toBe(false);
    expect(registry.size).toBe(1);
  });

  it('does not cache a failed load', async () => {
    const store = new MemoryUpdateStore();
    const { registry } = createRegistry(store);
    const loadUpdatesAfter = store.loadUpdatesAfter.bind(store);
    let isDown = true;
    store.loadUpdatesAfter = async (...args) => {
      if (isDown) throw new Error('database down');
      return loadUpdatesAfter(...args);
    };

    await expect(registry.get('t1')).rejects.toThrow('database down');
    isDown = false;

    await expect(registry.get('t1')).resolves.toBeDefined();
  });

  it('replaces a session closed behind its back on the next join', async () => {
    const { registry } = createRegistry();
    const first = await registry.join('t1', connection());
    await first.close('session_closed');

    const second = await registry.join('t1', connection());

    expect(second).not.toBe(first);
    expect(second.isClosed).toBe(false);
  });

  it('forwards domain events of every session', async () => {
    const { registry } = createRegistry();
    const accepted: string[] = [];
    registry.events.on('updateAccepted', ({ transcriptId, userId }) => accepted.push(`${transcriptId}:${userId}`));
    const alice = connection('alice');
    const bob = connection('bob');

    await (await registry.join('t1', alice)).receive(alice, textUpdate('a'));
    await (await registry.join('t2', bob)).receive(bob, textUpdate('b'));

    expect(accepted).toEqual(['t1:alice', 't2:bob']);
  });

  it('closes every session on shutdown with the reason and a final checkpoint', async () => {
    const { registry, store } = createRegistry();
    const alice = connection('alice');
    const bob = connection('bob');
    await (await registry.join('t1', alice)).receive(alice, textUpdate('a'));
    await registry.join('t2', bob);

    await registry.closeAll('server_shutdown');

    expect(alice.closedWith).toBe('server_shutdown');
    expect(bob.closedWith).toBe('server_shutdown');
    expect(store.checkpointHistory).toEqual([{ transcriptId: 't1', uptoSeq: 1 }]);
    expect(registry.size).toBe(0);
    await expect(registry.get('t1')).rejects.toThrow('shutting down');
  });
});
