import { can, type CloseReason, type Role } from '@verity/common';
import type { Connection, DisconnectReason } from '../collab/connection.ts';
import { SocketRoom } from './socket-room.ts';
import type { VeritySocket } from './socket-types.ts';

const closeMessages: Record<CloseReason, string> = {
  forbidden: 'You may not open this transcript.',
  not_found: 'Transcript not found.',
  session_closed: 'The editing session was closed; reconnect to continue.',
  malformed_message: 'The editor sent a message the server could not read.',
  store_failed: 'Your last change could not be saved; reconnect to resend it.',
  server_shutdown: 'The server is restarting; reconnect in a moment.',
  unauthenticated: 'Sign in to continue.',
  rate_limited: 'This connection sent far more than one editor can; it was closed.',
};

/** Tells the client why its live connection ends, then disconnects the socket. */
export function closeSocket(socket: VeritySocket, transcriptId: string, reason: CloseReason, message = closeMessages[reason]): void {
  socket.emit('closed', { transcriptId, reason, message });
  socket.disconnect(true);
}

/**
 * One socket's membership in one transcript's live session, as the session sees it. Its role can
 * change while it is open (revocation, see revoke-connections.ts): `canWrite` is read by the session
 * when it handles each update, so a downgrade also refuses updates already queued.
 */
export class SocketConnection implements Connection {
  readonly id: string;
  /** Broadcasts reach this connection through the transcript's room (one encoding for all). */
  readonly group: SocketRoom;
  private currentRole: Role;
  private isRevoked = false;

  constructor(
    private readonly socket: VeritySocket,
    readonly transcriptId: string,
    readonly userId: string,
    role: Role,
    readonly displayName?: string,
  ) {
    this.id = `${socket.id}:${transcriptId}`;
    this.group = new SocketRoom(socket, transcriptId);
    this.currentRole = role;
  }

  /** The role this connection is treated with now. */
  get role(): Role {
    return this.currentRole;
  }

  get canWrite(): boolean {
    return !this.isRevoked && can(this.currentRole, 'correct');
  }

  /** Applies a new role at once and tells the client (`role` event); false when nothing changed. */
  setRole(role: Role): boolean {
    if (this.isRevoked || role === this.currentRole) return false;
    this.currentRole = role;
    this.socket.emit('role', { transcriptId: this.transcriptId, role });
    return true;
  }

  /**
   * Access is gone: nothing more from this connection is stored (even what is already queued), and the
   * client is told why. The caller disconnects the socket (once, after revoking all it must).
   */
  revoke(reason: CloseReason, message: string): void {
    if (this.isRevoked) return;
    this.isRevoked = true;
    this.socket.emit('closed', { transcriptId: this.transcriptId, reason, message });
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
