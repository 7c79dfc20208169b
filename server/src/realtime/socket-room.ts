import type { Connection, ConnectionGroup } from '../collab/connection.ts';
import type { VeritySocket } from './socket-types.ts';

/** Larger frames go member by member (each connection's own send, which may split them), not through the room. */
const roomFrameLimitBytes = 256 * 1024;

/**
 * One socket's place in its transcript's socket.io room. A broadcast through the room is encoded once
 * and framed once for all members (socket.io pre-encodes the WebSocket frame), where emitting to each
 * connection would encode it once per socket; the session decides who is in it (enter on join, exit on
 * leave), and socket.io drops a disconnected socket from its rooms by itself.
 */
export class SocketRoom implements ConnectionGroup {
  readonly key: string;

  constructor(
    private readonly socket: VeritySocket,
    private readonly transcriptId: string,
  ) {
    this.key = `transcript:${transcriptId}`;
  }

  enter(): void {
    void this.socket.join(this.key);
  }

  exit(): void {
    void this.socket.leave(this.key);
  }

  send(message: Uint8Array, except: Connection | null): boolean {
    if (message.byteLength > roomFrameLimitBytes) return false;
    const room = this.socket.nsp.to(this.key);
    const skipped = except?.group instanceof SocketRoom ? except.group.socket.id : null;
    // The session's frames come from lib0 encoders, always over a plain ArrayBuffer.
    (skipped ? room.except(skipped) : room).emit('doc', { transcriptId: this.transcriptId, frame: message as Uint8Array<ArrayBuffer> });
    return true;
  }
}
