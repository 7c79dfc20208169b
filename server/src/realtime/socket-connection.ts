import type { CloseReason } from '@verity/common';
import type { Connection, DisconnectReason } from '../collab/connection.ts';
import type { VeritySocket } from './socket-types.ts';

const closeMessages: Record<CloseReason, string> = {
  forbidden: 'You may not open this transcript.',
  not_found: 'Transcript not found.',
  session_closed: 'The editing session was closed; reconnect to continue.',
  malformed_message: 'The editor sent a message the server could not read.',
  store_failed: 'Your last change could not be saved; reconnect to resend it.',
  server_shutdown: 'The server is restarting; reconnect in a moment.',
  unauthenticated: 'Sign in to continue.',
};

/** Tells the client why its live connection ends, then disconnects the socket. */
export function closeSocket(socket: VeritySocket, transcriptId: string, reason: CloseReason, message = closeMessages[reason]): void {
  socket.emit('closed', { transcriptId, reason, message });
  socket.disconnect(true);
}

/** One socket's membership in one transcript's live session, as the session sees it. */
export class SocketConnection implements Connection {
  readonly id: string;

  constructor(
    private readonly socket: VeritySocket,
    readonly transcriptId: string,
    readonly userId: string,
    readonly canWrite: boolean,
  ) {
    this.id = `${socket.id}:${transcriptId}`;
  }

  send(message: Uint8Array): void {
    // socket.io buffers for a disconnected socket rather than throwing; the disconnect handler leaves.
    // The session's frames come from lib0 encoders, always over a plain ArrayBuffer.
    this.socket.emit('doc', { transcriptId: this.transcriptId, frame: message as Uint8Array<ArrayBuffer> });
  }

  close(reason: DisconnectReason): void {
    closeSocket(this.socket, this.transcriptId, reason);
  }
}
