import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FakeConnection } from './fake-connection.ts';
import { parseMessage, type AwarenessEntry } from './protocol.ts';
import { maxAwarenessStateBytes, SessionAwareness } from './session-awareness.ts';
import { encodeAwarenessFrame } from '@verity/common';

/** Entries as the session hands them over (parsed from the wire). */
function entries(...states: { clientId: number; clock: number; state: unknown }[]): AwarenessEntry[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const { clientId, clock, state } of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  const parsed = parseMessage(encodeAwarenessFrame(encoding.toUint8Array(encoder)));
  if (parsed.kind !== 'awareness') throw new Error('not awareness');
  return parsed.entries;
}

function setUp() {
  const relayed: Uint8Array[] = [];
  const presence = new SessionAwareness(new Y.Doc(), (message) => relayed.push(message));
  const connection = (id: string, userId: string, displayName?: string) => Object.assign(new FakeConnection(id, userId, true), { displayName });
  return { presence, relayed, connection };
}

describe('SessionAwareness', () => {
  it('stamps every state with the account’s id and name, whatever the client claims', () => {
    const { presence, connection } = setUp();
    const mallory = connection('c1', 'user-mallory', 'Mallory');
    const refusal = presence.apply(mallory, entries({ clientId: 7, clock: 1, state: { data: { userId: 'user-ada', name: 'Ada', color: '#123456', extra: 'x' }, turnId: 't1' } }));
    expect(refusal).toBeNull();
    expect(presence.awareness.getStates().get(7)).toEqual({ data: { userId: 'user-mallory', name: 'Mallory', color: '#123456' }, turnId: 't1' });
    presence.destroy();
  });

  it('refuses oversized states, non-object states and too many client ids, applying nothing', () => {
    const { presence, connection } = setUp();
    const alice = connection('c1', 'alice', 'Alice');
    expect(presence.apply(alice, entries({ clientId: 1, clock: 1, state: { blob: 'x'.repeat(maxAwarenessStateBytes) } }))).toMatch(/at most/);
    expect(presence.apply(alice, entries({ clientId: 1, clock: 1, state: 'a string' }))).toMatch(/object or null/);
    const five = [1, 2, 3, 4, 5].map((clientId) => ({ clientId, clock: 1, state: {} }));
    expect(presence.apply(alice, entries(...five))).toMatch(/at most 4/);
    expect(presence.awareness.getStates().size).toBe(0);
    presence.destroy();
  });

  it('keeps a client id bound to its user after the connection left: nobody else can take it over', () => {
    const { presence, connection } = setUp();
    const alice = connection('c1', 'alice', 'Alice');
    expect(presence.apply(alice, entries({ clientId: 42, clock: 1, state: { x: 1 } }))).toBeNull();
    const mallory = connection('c2', 'mallory', 'Mallory');
    // While Alice is present, and after she left (reconnecting): refused either way.
    expect(presence.apply(mallory, entries({ clientId: 42, clock: 5, state: { x: 2 } }))).toMatch(/this connection introduced/);
    presence.removeConnection('c1', alice);
    expect(presence.apply(mallory, entries({ clientId: 42, clock: 5, state: { x: 2 } }))).toMatch(/this connection introduced/);
    // Alice's new connection gets her id back.
    const aliceAgain = connection('c3', 'alice', 'Alice');
    expect(presence.apply(aliceAgain, entries({ clientId: 42, clock: 6, state: { x: 3 } }))).toBeNull();
    expect(presence.awareness.getStates().get(42)).toMatchObject({ x: 3, data: { userId: 'alice' } });
    presence.destroy();
  });

  it('refuses a client id whose document edits belong to another user, before that user arrives', () => {
    const relayed: Uint8Array[] = [];
    const presence = new SessionAwareness(new Y.Doc(), (message) => relayed.push(message), (clientId) => (clientId === 77 ? 'bea' : undefined));
    const mallory = Object.assign(new FakeConnection('c1', 'mallory', true), { displayName: 'Mallory' });
    expect(presence.apply(mallory, entries({ clientId: 77, clock: 1, state: {} }))).toMatch(/this connection introduced/);
    const bea = Object.assign(new FakeConnection('c2', 'bea', true), { displayName: 'Bea' });
    expect(presence.apply(bea, entries({ clientId: 77, clock: 1, state: {} }))).toBeNull();
    presence.destroy();
  });
});
