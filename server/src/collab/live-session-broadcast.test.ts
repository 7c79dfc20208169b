import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeFrame, encodeUpdateFrame } from '@verity/common';
import type { Connection, ConnectionGroup } from './connection.ts';
import { FakeConnection } from './fake-connection.ts';
import { LiveSession } from './live-session.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';

/** A transport room shared by the groups of several connections; records what went through it. */
class FakeRoom {
  readonly members = new Set<Connection>();
  readonly sends: { message: Uint8Array; except: Connection | null }[] = [];
  canCarry = true;
}

class FakeGroup implements ConnectionGroup {
  connection!: Connection;
  constructor(
    readonly room: FakeRoom,
    readonly key = 'room-1',
  ) {}
  enter(): void {
    this.room.members.add(this.connection);
  }
  exit(): void {
    this.room.members.delete(this.connection);
  }
  send(message: Uint8Array, except: Connection | null): boolean {
    if (!this.room.canCarry) return false;
    this.room.sends.push({ message, except });
    return true;
  }
}

class GroupedConnection extends FakeConnection {
  constructor(
    id: string,
    readonly group: FakeGroup,
  ) {
    super(id, `user-${id}`, true);
    group.connection = this;
  }
}

const sessions: LiveSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close('server_shutdown')));
});

async function openSession() {
  const session = await LiveSession.load({ transcriptId: 'transcript-1', store: new MemoryUpdateStore() });
  sessions.push(session);
  return session;
}

/** A one-character update from a client of its own. */
function keystroke(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return encodeUpdateFrame(Y.encodeStateAsUpdate(doc));
}

const updatesIn = (connection: FakeConnection) => connection.sent.map((bytes) => decodeFrame(bytes)).filter((frame) => frame.kind === 'update');

describe('LiveSession broadcast through transport groups', () => {
  it('sends each broadcast once per group (the sender excepted), and directly to connections without one', async () => {
    const session = await openSession();
    const room = new FakeRoom();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => new GroupedConnection(id, new FakeGroup(room)));
    const plain = new FakeConnection('plain', 'user-plain', true);
    for (const connection of [a!, b!, c!, plain]) session.join(connection);
    expect(room.members).toEqual(new Set([a, b, c]));

    expect(await session.receive(a!, keystroke('x'))).toMatchObject({ kind: 'accepted', isDuplicate: false });
    expect(room.sends).toHaveLength(1);
    expect(room.sends[0]!.except).toBe(a);
    expect(updatesIn(plain)).toHaveLength(1);
    // Grouped members got only their handshake directly; the update went through the room.
    for (const connection of [a!, b!, c!]) expect(updatesIn(connection)).toHaveLength(0);

    await session.receive(plain, keystroke('y'));
    expect(room.sends).toHaveLength(2);
    expect(room.sends[1]!.except).toBe(plain);
    expect(updatesIn(plain)).toHaveLength(1);
  });

  it('falls back to each member’s own send when the group cannot carry a message', async () => {
    const session = await openSession();
    const room = new FakeRoom();
    room.canCarry = false;
    const [a, b] = ['a', 'b'].map((id) => new GroupedConnection(id, new FakeGroup(room)));
    session.join(a!);
    session.join(b!);
    await session.receive(a!, keystroke('x'));
    expect(updatesIn(a!)).toHaveLength(0);
    expect(updatesIn(b!)).toHaveLength(1);
  });

  it('takes leaving connections out of the group and keeps broadcasting through those who stay', async () => {
    const session = await openSession();
    const room = new FakeRoom();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => new GroupedConnection(id, new FakeGroup(room)));
    for (const connection of [a!, b!, c!]) session.join(connection);
    session.leave(a!);
    expect(room.members).toEqual(new Set([b, c]));
    await session.receive(b!, keystroke('x'));
    expect(room.sends).toHaveLength(1);
    session.leave(b!);
    session.leave(c!);
    expect(room.members.size).toBe(0);
    const late = new FakeConnection('late', 'user-late', true);
    session.join(late);
    await session.receive(late, keystroke('y'));
    expect(room.sends).toHaveLength(1);
  });
});

describe('LiveSession broadcast with many connections', () => {
  it('merges the updates of one short window into one frame per connection, after acknowledging each', async () => {
    const session = await openSession();
    const connections = Array.from({ length: 10 }, (_v, k) => new FakeConnection(`c${k}`, `user-${k}`, true));
    for (const connection of connections) session.join(connection);
    const results = await Promise.all(['x', 'y', 'z'].map((text, k) => session.receive(connections[k]!, keystroke(text))));
    expect(results.map((result) => result.kind)).toEqual(['accepted', 'accepted', 'accepted']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const connection of connections) {
      const updates = updatesIn(connection);
      expect(updates).toHaveLength(1);
      const doc = new Y.Doc();
      if (updates[0]!.kind === 'update') Y.applyUpdate(doc, updates[0]!.update);
      expect([...doc.getText('body').toString()].sort().join('')).toBe('xyz');
    }
  });
});
