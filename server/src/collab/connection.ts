import type { CloseReason } from '@verity/common';

/**
 * Why the server ends a live connection; the transport forwards it to the client as-is. The reasons are
 * defined once, in common (closeReasons); 'unauthenticated' is the handshake's, never a session's.
 */
export type DisconnectReason = Exclude<CloseReason, 'unauthenticated'>;

/**
 * One client's view of a live session, implemented by the transport (socket.io) and by fakes in tests.
 * The session never sees sockets: it only sends bytes and asks for a close.
 */
export interface Connection {
  /** Unique per connection (a socket id); a user with two tabs has two connections. */
  readonly id: string;
  /** The authenticated user; stamped on every stored update, never taken from the payload. */
  readonly userId: string;
  /** False for viewers: their document updates are rejected, awareness still flows. Read per update: it may change. */
  readonly canWrite: boolean;
  /** The account's display name, stamped on this connection's presence states (else the user id is shown). */
  readonly displayName?: string;
  /** Delivers one framed message (see protocol.ts); must not throw for a dead socket. */
  send(message: Uint8Array): void;
  /** Ends the connection; the transport disconnects with the reason and then calls `leave`. */
  close(reason: DisconnectReason): void;
  /** The transport's fan-out this connection belongs to (one per transcript); absent: broadcasts use `send`. */
  readonly group?: ConnectionGroup;
}

/**
 * A connection's place in a transport fan-out (socket.io: the transcript's room, where one encoding and
 * one WebSocket frame serve every member). Connections whose groups share a `key` are one fan-out: the
 * session sends each broadcast once per key, through any member's group. It calls `enter` when the
 * connection joins and `exit` when it leaves, so the fan-out holds exactly the session's connections.
 */
export interface ConnectionGroup {
  readonly key: string;
  enter(): void;
  exit(): void;
  /**
   * Sends `message` to every connection in the fan-out but `except`; false when it cannot carry the
   * message (too large for one frame, say): the session then calls each member's own `send`.
   */
  send(message: Uint8Array, except: Connection | null): boolean;
}
