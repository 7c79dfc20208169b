import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeAwarenessFrame, encodeSyncStep1Frame, encodeUpdateFrame, frameType } from '@verity/common';
import type { Connection, DisconnectReason } from './connection.ts';
import type { LiveSession } from './live-session.ts';
import type { ReceiveResult } from './live-session-types.ts';

let nextId = 1;

/** A Connection that records what the session sent and how it was closed (test helper). */
export class FakeConnection implements Connection {
  readonly sent: Uint8Array[] = [];
  closedWith: DisconnectReason | null = null;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly canWrite: boolean,
    private readonly onMessage: (message: Uint8Array) => void = () => {},
  ) {}

  send(message: Uint8Array): void {
    this.sent.push(message);
    this.onMessage(message);
  }

  close(reason: DisconnectReason): void {
    this.closedWith = reason;
  }
}

/** Builds fake connections and clients for a session, HedgeDoc MockConnectionBuilder style. */
export class FakeConnectionBuilder {
  private userId = 'user-1';
  private canWrite = true;

  constructor(private readonly session: LiveSession) {}

  /** Sets the authenticated user. */
  withUser(userId: string): this {
    this.userId = userId;
    return this;
  }

  /** Makes the connection read-only. */
  asViewer(): this {
    this.canWrite = false;
    return this;
  }

  /** A bare connection, not joined. */
  build(): FakeConnection {
    return new FakeConnection(`connection-${nextId++}`, this.userId, this.canWrite);
  }

  /** A client with its own Y.Doc, joined to the session (it has already received the handshake). */
  join(): FakeClient {
    const client = new FakeClient(this.session, this.userId, this.canWrite);
    this.session.join(client.connection);
    return client;
  }
}

/**
 * A y-protocols client in memory: applies what the server sends to its own doc and awareness, and
 * sends edits only when told to, so tests control interleaving. Replies it owes (step 2 for the
 * server's step 1) wait in `outbox` until flush().
 */
export class FakeClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connection: FakeConnection;
  readonly outbox: Uint8Array[] = [];
  /** Updates and awareness messages received from the server, in order. */
  readonly received: { kind: 'sync' | 'awareness'; bytes: Uint8Array }[] = [];

  constructor(
    private readonly session: LiveSession,
    userId: string,
    canWrite: boolean,
  ) {
    this.connection = new FakeConnection(`connection-${nextId++}`, userId, canWrite, (message) =>
      this.handleServerMessage(message),
    );
  }

  /** Makes a local change and returns its update without sending it. */
  change(mutate: (doc: Y.Doc) => void): Uint8Array {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', capture);
    this.doc.transact(() => mutate(this.doc), 'local');
    this.doc.off('update', capture);
    return Y.mergeUpdates(updates);
  }

  /** Makes a local change and sends it as a sync update message. */
  edit(mutate: (doc: Y.Doc) => void): Promise<ReceiveResult> {
    return this.send(encodeUpdateFrame(this.change(mutate)));
  }

  /** Sends our state vector, as a provider does on connect. */
  syncStep1(): Promise<ReceiveResult> {
    return this.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)));
  }

  /** Sets our awareness state and sends it. */
  setAwareness(state: Record<string, unknown> | null): Promise<ReceiveResult> {
    this.awareness.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    return this.send(encodeAwarenessFrame(update));
  }

  /** Sends raw bytes to the session. */
  send(message: Uint8Array): Promise<ReceiveResult> {
    return this.session.receive(this.connection, message);
  }

  /** Sends every queued reply, in order. */
  async flush(): Promise<ReceiveResult[]> {
    const results: ReceiveResult[] = [];
    while (this.outbox.length > 0) results.push(await this.send(this.outbox.shift()!));
    return results;
  }

  /** Leaves the session and stops the awareness timer. */
  leave(): void {
    this.session.leave(this.connection);
    this.awareness.destroy();
  }

  /** The text of a Y.Text, the shape most tests edit. */
  text(name = 'body'): string {
    return this.doc.getText(name).toString();
  }

  private handleServerMessage(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === frameType.sync) {
      this.received.push({ kind: 'sync', bytes: message });
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, frameType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, 'server');
      if (encoding.length(reply) > 1) this.outbox.push(encoding.toUint8Array(reply));
    } else if (type === frameType.awareness) {
      this.received.push({ kind: 'awareness', bytes: message });
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'server');
    }
  }
}
