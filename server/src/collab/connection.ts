/** Why the server ends a live connection; the transport forwards it to the client as-is. */
export type DisconnectReason =
  | 'forbidden'
  | 'not_found'
  | 'session_closed'
  | 'malformed_message'
  | 'store_failed'
  | 'server_shutdown';

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
}
