import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { encodeAwarenessFrame } from '@verity/common';
import type { Connection } from './connection.ts';
import type { AwarenessEntry } from './protocol.ts';

/** Sends a message to every member except `except` (a connection, or anything else for "everyone"). */
export type Broadcast = (message: Uint8Array, except: unknown) => void;

/** One presence state, as JSON, after stamping; a cursor with a claim is a few hundred bytes. */
export const maxAwarenessStateBytes = 4 * 1024;
/** Awareness client ids one connection may hold (one per Y.Doc; Yjs renews an id only on a clash). */
export const maxAwarenessClientsPerConnection = 4;

/**
 * A session's awareness (presence, cursors) with ownership and server-stamped identity. The first
 * connection to announce a client id owns it until it leaves, and the id stays bound to that user for
 * the session's lifetime, as are the ids a user's document edits carry: nobody else can move, erase or
 * take over someone's cursor, even while they reconnect or before they arrive. Every state is relayed with `data.userId` and `data.name` set by the server from the
 * connection's account, so nobody can appear as someone else.
 */
export class SessionAwareness {
  /** The y-protocols awareness; it also expires states not renewed within 30 s. */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, string>();
  private readonly users = new Map<number, string>();
  private readonly clientsByConnection = new Map<string, Set<number>>();

  constructor(
    doc: Y.Doc,
    private readonly broadcast: Broadcast,
    /** Whose document edits a client id carries (durable, see ClientOwners): nobody else may present under it. */
    private readonly documentOwnerOf: (clientId: number) => string | undefined = () => undefined,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no cursor of its own; without this every client would see a phantom peer.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relay);
  }

  /** A message with every current state, for a joiner or a query; null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * Applies a connection's update, stamped with its identity, if every entry is one it may set; returns
   * null when applied, else why it was refused (nothing is applied then).
   */
  apply(connection: Connection, entries: AwarenessEntry[]): string | null {
    const held = this.clientsByConnection.get(connection.id) ?? new Set<number>();
    const fresh = new Set<number>();
    for (const { clientId } of entries) {
      const owner = this.owners.get(clientId);
      const user = this.users.get(clientId) ?? this.documentOwnerOf(clientId);
      if (clientId === this.awareness.clientID || (owner !== undefined && owner !== connection.id) || (user !== undefined && user !== connection.userId)) {
        return 'awareness may only be set for client ids this connection introduced';
      }
      if (!held.has(clientId)) fresh.add(clientId);
    }
    if (held.size + fresh.size > maxAwarenessClientsPerConnection) return `a connection may hold at most ${maxAwarenessClientsPerConnection} awareness client ids`;
    const stamped: { clientId: number; clock: number; json: string }[] = [];
    for (const { clientId, clock, state } of entries) {
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return 'an awareness state must be an object or null';
      const json = JSON.stringify(state === null ? null : stamp(state as Record<string, unknown>, connection));
      if (json.length > maxAwarenessStateBytes) return `an awareness state may be at most ${maxAwarenessStateBytes} bytes`;
      stamped.push({ clientId, clock, json });
    }
    this.clientsByConnection.set(connection.id, held);
    for (const clientId of fresh) {
      this.owners.set(clientId, connection.id);
      this.users.set(clientId, connection.userId);
      held.add(clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(stamped), connection);
    return null;
  }

  /** The user who presented under a client id in this session (kept after they leave), if anyone did. */
  userOf(clientId: number): string | undefined {
    return this.users.get(clientId);
  }

  /** Drops a departed connection's states and ownership (the ids stay its user's); the others are told. */
  removeConnection(connectionId: string, origin: unknown): void {
    const clients = [...(this.clientsByConnection.get(connectionId) ?? [])];
    this.clientsByConnection.delete(connectionId);
    for (const clientId of clients) this.owners.delete(clientId);
    awarenessProtocol.removeAwarenessStates(this.awareness, clients, origin);
  }

  /** Stops the expiry timer. */
  destroy(): void {
    this.awareness.off('update', this.relay);
    this.awareness.destroy();
  }

  /** Relays changes (from a connection, a leave or a timeout) to everyone but their origin. */
  private readonly relay = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwarenessFrame(update), origin);
  };
}

/**
 * The state as others will see it: the cursor label (`data`, as @slate-yjs and the presence bar read
 * it) carries the account's id and name from the server; only a short colour is kept from the client.
 */
function stamp(state: Record<string, unknown>, connection: Connection): Record<string, unknown> {
  const claimed = typeof state.data === 'object' && state.data !== null ? (state.data as Record<string, unknown>) : {};
  const color = typeof claimed.color === 'string' && claimed.color.length <= 32 ? claimed.color : undefined;
  return { ...state, data: { userId: connection.userId, name: connection.displayName ?? connection.userId, ...(color ? { color } : {}) } };
}

/** An awareness update in the y-protocols layout (count, then id, clock and JSON state per entry). */
function encodeEntries(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
