import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessFrame, encodeSyncStep2Frame, encodeUpdateFrame, frameType } from '@verity/common';
import type { FakeClient} from './fake-connection.ts';
import { FakeConnectionBuilder } from './fake-connection.ts';
import { LiveSession } from './live-session.ts';
import type { LiveSessionOptions } from './live-session-types.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';

const transcriptId = 'transcript-1';
const open: { sessions: LiveSession[]; clients: FakeClient[] } = { sessions: [], clients: [] };

afterEach(async () => {
  for (const client of open.clients.splice(0)) client.awareness.destroy();
  await Promise.all(open.sessions.splice(0).map((session) => session.close('server_shutdown')));
});

async function openSession(overrides: Partial<LiveSessionOptions> = {}) {
  const store = new MemoryUpdateStore();
  const session = await LiveSession.load({ transcriptId, store, ...overrides });
  open.sessions.push(session);
  const connect = (userId = 'alice', options: { isViewer?: boolean } = {}) => {
    const builder = new FakeConnectionBuilder(session).withUser(userId);
    const client = (options.isViewer ? builder.asViewer() : builder).join();
    open.clients.push(client);
    return client;
  };
  return { session, store, connect };
}

const insert = (text: string, index = 0) => (doc: Y.Doc) => doc.getText('body').insert(index, text);

describe('LiveSession sync', () => {
  it('brings a fresh client up to the stored state on join', async () => {
    const seed = new Y.Doc();
    seed.getText('body').insert(0, 'stored text');
    const store = new MemoryUpdateStore();
    await store.append({ transcriptId, userId: 'alice', update: Y.encodeStateAsUpdate(seed) });
    const session = await LiveSession.load({ transcriptId, store });
    open.sessions.push(session);

    const client = new FakeConnectionBuilder(session).withUser('bob').join();
    open.clients.push(client);

    expect(client.text()).toBe('stored text');
    expect(session.lastSeq).toBe(1);
  });

  it('sends each joiner the document as it stands, though the encoded state is reused between changes', async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    await alice.edit(insert('first'));
    const [bob, carol] = [connect('bob'), connect('carol')];
    expect([bob.text(), carol.text()]).toEqual(['first', 'first']);

    await alice.edit(insert('then ', 0));
    expect(connect('dave').text()).toBe('then first');
    // A change the server makes itself (a restore, a speaker merge) counts as much as a client's.
    await session.applyChange('alice', (doc) => doc.getText('body').insert(0, 'server: '));
    expect(connect('erin').text()).toBe('server: then first');
  });

  it('sends joiners the loaded checkpoint (kept by a repair that changed nothing), then the document as changed', async () => {
    const store = new MemoryUpdateStore();
    const seed = new Y.Doc();
    seed.getText('body').insert(0, 'checkpointed');
    await store.saveCheckpoint(transcriptId, Y.encodeStateAsUpdate(seed), 0);
    const join = (session: LiveSession, userId: string) => {
      const client = new FakeConnectionBuilder(session).withUser(userId).join();
      open.clients.push(client);
      return client;
    };
    const quiet = await LiveSession.load({ transcriptId, store, repairOnLoad: (doc) => (doc.transact(() => undefined), false) });
    open.sessions.push(quiet);
    const bob = join(quiet, 'bob');
    expect(bob.text()).toBe('checkpointed');
    await bob.edit(insert('edited, '));
    expect(join(quiet, 'carol').text()).toBe('edited, checkpointed');

    // A repair that changes the document on load: the checkpoint no longer stands for it.
    const other = new MemoryUpdateStore();
    await other.saveCheckpoint(transcriptId, Y.encodeStateAsUpdate(seed), 0);
    const repaired = await LiveSession.load({ transcriptId, store: other, repairOnLoad: (doc) => (doc.getText('body').insert(0, 'repaired '), true) });
    open.sessions.push(repaired);
    expect(join(repaired, 'dave').text()).toBe('repaired checkpointed');
  });

  it('sends what the server has and the client lacks in reply to sync step 1', async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    await alice.edit(insert('hello'));
    const bob = new FakeConnectionBuilder(session).withUser('bob').build();
    session.join(bob);
    bob.sent.length = 0;

    const lateClient = new Y.Doc();
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, frameType.sync);
    encoding.writeVarUint(step1, 0);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(lateClient));
    expect(await session.receive(bob, encoding.toUint8Array(step1))).toEqual({ kind: 'handled' });

    expect(bob.sent).toHaveLength(1);
    expect(bob.sent[0]).toEqual(encodeSyncStep2Frame(Y.encodeStateAsUpdate(session.doc, Y.encodeStateVector(lateClient))));
  });

  it('makes two clients editing concurrently converge', async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    const bob = connect('bob');
    await alice.edit(insert('shared '));

    // Both edit before seeing each other's change, then send at the same time.
    const fromAlice = alice.change(insert('A', 0));
    const fromBob = bob.change((doc) => doc.getText('body').insert(doc.getText('body').length, 'B'));
    const results = await Promise.all([
      alice.send(encodeUpdateFrame(fromAlice)),
      bob.send(encodeUpdateFrame(fromBob)),
    ]);

    expect(results.map((result) => result.kind)).toEqual(['accepted', 'accepted']);
    expect(alice.text()).toBe(bob.text());
    expect(alice.text()).toBe(session.doc.getText('body').toString());
    expect(alice.text()).toBe('Ashared B');
  });

  it('acknowledges an already known update without storing it again', async () => {
    const { store, connect } = await openSession();
    const alice = connect('alice');
    const update = alice.change(insert('once'));
    expect(await alice.send(encodeUpdateFrame(update))).toEqual({ kind: 'accepted', seq: 1, isDuplicate: false });

    expect(await alice.send(encodeUpdateFrame(update))).toEqual({ kind: 'accepted', seq: 1, isDuplicate: true });
    expect(store.rows(transcriptId)).toHaveLength(1);
  });

  it('stores only the part of a sync step 2 the server did not have', async () => {
    const { store, connect } = await openSession();
    const alice = connect('alice');
    await alice.edit(insert('known '));
    alice.change(insert('new', 6));

    const result = await alice.send(encodeSyncStep2Frame(Y.encodeStateAsUpdate(alice.doc)));

    expect(result).toMatchObject({ kind: 'accepted', seq: 2, isDuplicate: false });
    const check = new Y.Doc();
    Y.applyUpdate(check, store.rows(transcriptId)[1]!.update);
    expect(check.getText('body').toString()).toBe(''); // depends on row 1: only the new struct was stored
    Y.applyUpdate(check, store.rows(transcriptId)[0]!.update);
    expect(check.getText('body').toString()).toBe('known new');
  });

  it('stamps the user from the connection and emits updateAccepted', async () => {
    const { session, store, connect } = await openSession();
    const events: unknown[] = [];
    session.events.on('updateAccepted', (event) => events.push(event));
    const carol = connect('carol');

    await carol.edit(insert('x'));

    expect(store.rows(transcriptId)[0]!.userId).toBe('carol');
    expect(events).toEqual([
      { transcriptId, userId: 'carol', seq: 1, byteLength: store.rows(transcriptId)[0]!.update.byteLength },
    ]);
  });
});

describe('LiveSession permissions and validation', () => {
  it("rejects a viewer's update: nothing stored, applied or broadcast", async () => {
    const { session, store, connect } = await openSession();
    const editor = connect('alice');
    const viewer = connect('victor', { isViewer: true });
    const receivedBefore = editor.received.length;

    const result = await viewer.edit(insert('sneaky'));

    expect(result).toMatchObject({ kind: 'rejected', reason: 'forbidden' });
    expect(store.rows(transcriptId)).toHaveLength(0);
    expect(session.doc.getText('body').toString()).toBe('');
    expect(editor.received.length).toBe(receivedBefore);
  });

  it("accepts a viewer's empty handshake step 2 as a duplicate", async () => {
    const { store, connect } = await openSession();
    const editor = connect('alice');
    await editor.edit(insert('text'));
    const viewer = connect('victor', { isViewer: true });
    await viewer.syncStep1();

    const replies = await viewer.flush();

    expect(replies).toEqual([{ kind: 'accepted', seq: 1, isDuplicate: true }]);
    expect(viewer.text()).toBe('text');
    expect(store.rows(transcriptId)).toHaveLength(1);
  });

  it.each([
    ['empty bytes', new Uint8Array()],
    ['an unknown message type', Uint8Array.of(9)],
    ['an unknown sync type', Uint8Array.of(frameType.sync, 7, 0)],
    ['a truncated payload', Uint8Array.of(frameType.sync, 2, 50, 1, 2)],
    ['garbage as an update', Uint8Array.of(frameType.sync, 2, 4, 200, 255, 3, 9)],
    ['trailing bytes', Uint8Array.of(frameType.queryAwareness, 1)],
    ['awareness with bad JSON', encodeAwarenessFrame(badAwarenessUpdate())],
  ])('rejects %s as malformed and keeps working', async (_name, bytes) => {
    const { store, connect } = await openSession();
    const alice = connect('alice');

    expect(await alice.send(bytes)).toMatchObject({ kind: 'rejected', reason: 'malformed_message' });
    expect(await alice.edit(insert('still fine'))).toMatchObject({ kind: 'accepted', seq: 1 });
    expect(store.rows(transcriptId)).toHaveLength(1);
  });

  it('keeps broadcasting to others when one connection throws on send', async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    const broken = new FakeConnectionBuilder(session).withUser('bob').build();
    session.join(broken);
    broken.send = () => {
      throw new Error('socket gone');
    };
    const carol = connect('carol');

    expect(await alice.edit(insert('still delivered'))).toMatchObject({ kind: 'accepted' });
    expect(carol.text()).toBe('still delivered');
  });

  it('rejects messages from a connection that has not joined', async () => {
    const { session } = await openSession();
    const stranger = new FakeConnectionBuilder(session).build();

    expect(await session.receive(stranger, encodeUpdateFrame(new Uint8Array([0, 0])))).toMatchObject({
      kind: 'rejected',
      reason: 'not_joined',
    });
  });
});

describe('LiveSession awareness', () => {
  it('relays awareness to the others and to late joiners, not back to the sender', async () => {
    const { connect } = await openSession();
    const alice = connect('alice');
    const bob = connect('bob');
    const aliceReceived = alice.received.length;

    expect(await alice.setAwareness({ name: 'Alice', cursor: 3 })).toEqual({ kind: 'handled' });

    // Relayed with the identity the server stamps from the account (no display name here: the user id).
    expect(bob.awareness.getStates().get(alice.doc.clientID)).toEqual({ name: 'Alice', cursor: 3, data: { userId: 'alice', name: 'alice' } });
    expect(alice.received.length).toBe(aliceReceived);
    const carol = connect('carol');
    expect(carol.awareness.getStates().get(alice.doc.clientID)).toEqual({ name: 'Alice', cursor: 3, data: { userId: 'alice', name: 'alice' } });
  });

  it("removes a leaving connection's awareness and tells the others", async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    const bob = connect('bob');
    await alice.setAwareness({ name: 'Alice' });
    expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(true);

    alice.leave();

    expect(session.presence.awareness.getStates().has(alice.doc.clientID)).toBe(false);
    expect(bob.awareness.getStates().has(alice.doc.clientID)).toBe(false);
    expect(session.connectionCount).toBe(1);
  });

  it("rejects awareness for a client id another connection introduced", async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    const mallory = connect('mallory');
    await alice.setAwareness({ name: 'Alice' });

    const forged = forgeAwareness(alice.doc.clientID, 99, { name: 'Not Alice' });
    const result = await mallory.send(encodeAwarenessFrame(forged));

    expect(result).toMatchObject({ kind: 'rejected', reason: 'forbidden' });
    expect(session.presence.awareness.getStates().get(alice.doc.clientID)).toMatchObject({ name: 'Alice' });
  });

  it('rejects awareness that claims the server’s own client id', async () => {
    const { session, connect } = await openSession();
    const mallory = connect('mallory');

    const forged = forgeAwareness(session.presence.awareness.clientID, 5, { name: 'Server' });

    expect(await mallory.send(encodeAwarenessFrame(forged))).toMatchObject({ kind: 'rejected', reason: 'forbidden' });
  });

  it('answers a query for awareness with every current state', async () => {
    const { session, connect } = await openSession();
    const alice = connect('alice');
    await alice.setAwareness({ name: 'Alice' });
    const bob = new FakeConnectionBuilder(session).build();
    session.join(bob);
    bob.sent.length = 0;

    expect(await session.receive(bob, Uint8Array.of(frameType.queryAwareness))).toEqual({ kind: 'handled' });
    expect(bob.sent).toHaveLength(1);
  });
});

describe('LiveSession normalization and events', () => {
  it('stores normalization changes as the system user and sends them to everyone', async () => {
    const normalize = (doc: Y.Doc) => {
      const meta = doc.getMap('meta');
      if (!meta.has('normalized')) meta.set('normalized', true);
    };
    const { store, connect } = await openSession({ normalize });
    const alice = connect('alice');
    const bob = connect('bob');

    const result = await alice.edit(insert('hi'));

    expect(result).toEqual({ kind: 'accepted', seq: 1, isDuplicate: false });
    expect(store.rows(transcriptId).map((row) => row.userId)).toEqual(['alice', 'system']);
    expect(alice.doc.getMap('meta').get('normalized')).toBe(true);
    expect(bob.doc.getMap('meta').get('normalized')).toBe(true);
    await alice.edit(insert('!'));
    expect(store.rows(transcriptId)).toHaveLength(3); // idempotent: nothing to fix the second time
  });

  it('emits connectionJoined and connectionLeft', async () => {
    const { session, connect } = await openSession();
    const events: string[] = [];
    session.events.on('connectionJoined', ({ userId }) => events.push(`joined ${userId}`));
    session.events.on('connectionLeft', ({ userId }) => events.push(`left ${userId}`));

    connect('alice').leave();

    expect(events).toEqual(['joined alice', 'left alice']);
  });
});

function forgeAwareness(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return encoding.toUint8Array(encoder);
}

function badAwarenessUpdate(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 42);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, '{not json');
  return encoding.toUint8Array(encoder);
}
