import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { encodeAwarenessFrame } from '@verity/common';
import type { AwarenessEntry } from './protocol.ts';

/** Sends a message to every member except `except` (a connection, or anything else for "everyone"). */
export type Broadcast = (message: Uint8Array, except: unknown) => void;

/**
 * A session's awareness (presence, cursors) with ownership: the first connection to announce a
 * client id owns it until it leaves, so nobody can move or erase someone else's cursor.
 */
export class SessionAwareness {
  /** The y-protocols awareness; it also expires states not renewed within 30 s. */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, string>();
  private readonly clientsByConnection = new Map<string, Set<number>>();

  constructor(
    doc: Y.Doc,
    private readonly broadcast: Broadcast,
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

  /** Applies an update from `origin` if it only touches client ids that connection owns or claims fresh. */
  apply(connectionId: string, origin: unknown, update: Uint8Array, entries: AwarenessEntry[]): boolean {
    for (const { clientId } of entries) {
      const owner = this.owners.get(clientId);
      if (clientId === this.awareness.clientID || (owner !== undefined && owner !== connectionId)) return false;
    }
    let clients = this.clientsByConnection.get(connectionId);
    if (!clients) {
      clients = new Set();
      this.clientsByConnection.set(connectionId, clients);
    }
    for (const { clientId } of entries) {
      this.owners.set(clientId, connectionId);
      clients.add(clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
    return true;
  }

  /** Drops a departed connection's states and ownership; the others are told (origin excluded). */
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
