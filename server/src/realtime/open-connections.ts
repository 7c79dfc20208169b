import type { LiveSession } from '../collab/live-session.ts';
import type { SocketConnection } from './socket-connection.ts';
import type { VeritySocket } from './socket-types.ts';

/** One transcript a socket joined. */
export interface JoinedTranscript {
  session: LiveSession;
  connection: SocketConnection;
}

/**
 * Every authenticated socket with the transcripts it joined, so that a revocation (a removed member,
 * a signed-out session) finds the connections it must end or downgrade.
 */
export class OpenConnections {
  private readonly joinedBySocket = new Map<VeritySocket, Map<string, JoinedTranscript>>();

  /** Registers a socket; the returned map (transcript id → joined) is the socket's own, kept live. */
  add(socket: VeritySocket): Map<string, JoinedTranscript> {
    const joined = new Map<string, JoinedTranscript>();
    this.joinedBySocket.set(socket, joined);
    return joined;
  }

  remove(socket: VeritySocket): void {
    this.joinedBySocket.delete(socket);
  }

  /** A copy of every socket with its joined transcripts, safe to keep across awaits. */
  snapshot(): { socket: VeritySocket; joined: JoinedTranscript[] }[] {
    return [...this.joinedBySocket].map(([socket, joined]) => ({ socket, joined: [...joined.values()] }));
  }

  /** The joined connections matching `predicate`, with their socket. */
  connections(predicate: (connection: SocketConnection) => boolean): { socket: VeritySocket; connection: SocketConnection }[] {
    const found: { socket: VeritySocket; connection: SocketConnection }[] = [];
    for (const [socket, joined] of this.joinedBySocket) {
      for (const { connection } of joined.values()) if (predicate(connection)) found.push({ socket, connection });
    }
    return found;
  }

  /** Sockets matching `predicate`, with their joined connections. */
  sockets(predicate: (socket: VeritySocket) => boolean): { socket: VeritySocket; joined: JoinedTranscript[] }[] {
    return this.snapshot().filter(({ socket }) => predicate(socket));
  }

  /** True while the socket is registered and `connection` is still its connection for that transcript. */
  isCurrent(socket: VeritySocket, connection: SocketConnection): boolean {
    return this.joinedBySocket.get(socket)?.get(connection.transcriptId)?.connection === connection;
  }
}
