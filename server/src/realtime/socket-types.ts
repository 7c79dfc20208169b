import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@verity/common';

/** What authentication puts on a socket; handlers read the user from here, never from payloads. */
export interface SocketData {
  userId: string;
  /** The stored id of the sign-in session that authenticated the handshake; it ending ends the socket. */
  sessionId: string;
  /** The account's display name, stamped on this socket's presence (awareness) states. */
  displayName: string;
}

export type VerityServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type VeritySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
