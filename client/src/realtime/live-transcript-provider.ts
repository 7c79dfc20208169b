import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  can,
  changedEventSchema,
  decodeFrame,
  liveTopics,
  roleEventSchema,
  serverDocFrameSchema,
  encodeAwarenessFrame,
  encodeQueryAwarenessFrame,
  encodeSyncStep1Frame,
  encodeSyncStep2Frame,
  encodeUpdateFrame,
  hasUnbindableContent,
  type ClientToServerEvents,
  type CloseReason,
  type DocAck,
  type LiveTopic,
  type Role,
  type ServerToClientEvents,
} from '@verity/common';
import { initialSaveState, reduceSaveState, type SaveEvent, type SaveState } from './save-status.ts';

/** How long a document frame may wait for its ack before it counts as lost (then we resync). */
const ackTimeoutMs = 20_000;
/** Wait before retrying a join the server refused as over this connection's fair share. */
const rateLimitRetryMs = 1_000;

export type LiveConnection = 'connecting' | 'live' | 'offline' | 'closed';

/** Everything the UI needs to know about the live connection. */
export interface LiveState {
  connection: LiveConnection;
  role: Role | null;
  userId: string | null;
  /** True once the server's full state arrived (the editor waits for it before binding). */
  isSynced: boolean;
  save: SaveState;
  closed: { reason: CloseReason | 'internal'; message: string } | null;
  /** Set when the role changed while connected ("You can now only view this transcript"). */
  roleNotice: string | null;
}

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Options for tests and special deployments; by default socket.io connects to the page's origin. */
export interface LiveTranscriptProviderOptions {
  createSocket?: () => LiveSocket;
}

/**
 * One open transcript over socket.io: owns the Y.Doc and awareness and speaks y-protocols inside
 * `doc` events. The Y.Doc outlives connections, so what is typed offline stays in it; on reconnect
 * the provider re-joins and both sides exchange sync step 1/2, which carries the offline edits over.
 */
export class LiveTranscriptProvider {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly socket: LiveSocket;
  private state: LiveState = { connection: 'connecting', role: null, userId: null, isSynced: false, save: initialSaveState, closed: null, roleNotice: null };
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<(topics: readonly LiveTopic[]) => void>();
  private hasJoined = false;
  private isJoined = false;
  /** The server's state vector from its latest sync step 1 on this connection. */
  private serverStateVector: Uint8Array | null = null;
  private isDestroyed = false;

  /** Canonical (lower-case), as the server spells it in every event it sends. */
  readonly transcriptId: string;

  constructor(transcriptId: string, options: LiveTranscriptProviderOptions = {}) {
    this.transcriptId = transcriptId.toLowerCase();
    // WebSocket first: socket.io's default starts with HTTP long-polling and upgrades later, which cost
    // an opening several round trips and sent the whole first sync base64-encoded over polling. Where a
    // proxy refuses WebSockets, tryAllTransports falls back to polling.
    this.socket = options.createSocket?.() ?? io({ withCredentials: true, autoConnect: false, transports: ['websocket', 'polling'], tryAllTransports: true });
    this.socket.on('connect', this.handleConnect);
    this.socket.on('disconnect', this.handleDisconnect);
    this.socket.on('connect_error', this.handleConnectError);
    this.socket.on('doc', this.handleFrame);
    this.socket.on('closed', this.handleClosed);
    this.socket.on('role', this.handleRole);
    this.socket.on('changed', this.handleChanged);
    this.doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.handleBrowserOffline);
      window.addEventListener('online', this.handleBrowserOnline);
    }
    this.socket.connect();
  }

  /** Subscribe to state changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Hear what the server says changed (`changed` events: review, versions, members), so panels re-read
   * it. After a reconnect every topic counts as changed: events sent while away were missed.
   */
  onChanged = (listener: (topics: readonly LiveTopic[]) => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };

  /** The current state; a new object after every change. */
  getState = (): LiveState => this.state;

  /** Leaves, disconnects and frees the document. */
  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.handleBrowserOffline);
      window.removeEventListener('online', this.handleBrowserOnline);
    }
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    if (this.isJoined) this.socket.emit('leave', { transcriptId: this.transcriptId });
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.doc.off('update', this.handleDocUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.listeners.clear();
    this.changeListeners.clear();
  }

  private setState(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private dispatch(event: SaveEvent): void {
    this.setState({ save: reduceSaveState(this.state.save, event) });
  }

  private readonly handleConnect = (): void => {
    this.isJoined = false;
    this.serverStateVector = null;
    this.dispatch({ type: 'connecting' });
    this.setState({ connection: 'connecting' });
    const epoch = this.state.save.epoch;
    this.socket.emit('join', { transcriptId: this.transcriptId }, (ack) => {
      if (this.isDestroyed || epoch !== this.state.save.epoch) return;
      if (!ack.ok && ack.error.code === 'rate_limited') {
        // Over the fair share of joins (reconnecting too often): try again shortly.
        setTimeout(() => {
          if (!this.isDestroyed && !this.state.closed) this.socket.disconnect().connect();
        }, rateLimitRetryMs);
        return;
      }
      if (!ack.ok) {
        this.close(ack.error.code === 'not_found' || ack.error.code === 'forbidden' ? ack.error.code : 'internal', ack.error.message);
        return;
      }
      this.isJoined = true;
      if (!this.hasJoined) performance.mark('verity:joined');
      if (this.hasJoined) this.announceChanged(liveTopics);
      this.hasJoined = true;
      this.setState({ connection: 'live', role: ack.role, userId: ack.userId });
      this.dispatch({ type: 'joined' });
      // Ask for what we lack; the server also sends its own step 1, answered in handleFrame.
      this.send(encodeSyncStep1Frame(Y.encodeStateVector(this.doc)));
      if (this.state.save.hasUnsent && this.serverStateVector) this.sendStep2(this.serverStateVector);
      if (this.awareness.getLocalState() !== null) {
        this.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
      }
      this.send(encodeQueryAwarenessFrame());
    });
  };

  private readonly handleDisconnect = (reason: Socket.DisconnectReason): void => {
    this.isJoined = false;
    // Remote cursors would go stale while we are away; the server sends fresh ones on re-join.
    const others = Array.from(this.awareness.getStates().keys()).filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, this);
    this.dispatch({ type: 'disconnected' });
    if (this.state.closed) return;
    this.setState({ connection: 'offline' });
    // socket.io does not retry after a server-side disconnect; without a `closed` event it is transient.
    if (reason === 'io server disconnect') setTimeout(() => this.reconnect(), 1000);
  };

  private readonly handleConnectError = (error: Error): void => {
    if (error.message === 'unauthenticated') {
      this.close('unauthenticated', 'Your session has ended. Sign in again to keep editing.');
      return;
    }
    this.setState({ connection: 'offline' });
  };

  private readonly handleClosed = (event: { transcriptId: string; reason: CloseReason; message: string }): void => {
    if (event.transcriptId !== this.transcriptId) return;
    this.close(event.reason, event.message);
  };

  /** The server re-evaluated our access: follow the new role at once (read-only for a viewer). */
  private readonly handleRole = (payload: unknown): void => {
    const parsed = roleEventSchema.safeParse(payload);
    if (!parsed.success || parsed.data.transcriptId !== this.transcriptId) return;
    const { role } = parsed.data;
    const couldEdit = can(this.state.role, 'correct');
    const canEdit = can(role, 'correct');
    const roleNotice = couldEdit === canEdit ? this.state.roleNotice : canEdit ? 'You can now edit this transcript.' : 'You can now only view this transcript.';
    this.setState({ role, roleNotice });
  };

  private readonly handleChanged = (payload: unknown): void => {
    const parsed = changedEventSchema.safeParse(payload);
    if (!parsed.success || parsed.data.transcriptId !== this.transcriptId) return;
    this.announceChanged(parsed.data.topics);
  };

  private announceChanged(topics: readonly LiveTopic[]): void {
    for (const listener of [...this.changeListeners]) listener(topics);
  }

  private close(reason: CloseReason | 'internal', message: string): void {
    this.setState({ connection: 'closed', closed: { reason, message } });
    this.socket.disconnect();
  }

  private reconnect(): void {
    if (!this.isDestroyed && !this.state.closed && !this.socket.connected) this.socket.connect();
  }

  /** The browser knows before socket.io's heartbeat does; drop the socket so edits are marked unsent. */
  private readonly handleBrowserOffline = (): void => {
    if (this.socket.connected) this.socket.disconnect();
    // A manual disconnect reports 'io client disconnect', which does not count as closed.
  };

  private readonly handleBrowserOnline = (): void => this.reconnect();

  private readonly handleFrame = (payload: unknown): void => {
    const parsed = serverDocFrameSchema.safeParse(payload);
    if (parsed.success && parsed.data.transcriptId !== this.transcriptId) return;
    try {
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'malformed frame');
      this.applyFrame(parsed.data.frame);
    } catch (error) {
      // Skipping a frame would leave this copy silently behind the server's: stop and say so instead.
      console.error('An undecodable live frame', error);
      this.close('internal', `A message from the server could not be read (${error instanceof Error ? error.message : 'unknown error'}). Reload to try again.`);
    }
  };

  private applyFrame(bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    switch (frame.kind) {
      case 'syncStep1':
        this.serverStateVector = frame.stateVector;
        this.sendStep2(frame.stateVector);
        return;
      case 'syncStep2':
      case 'update':
        if (frame.kind === 'syncStep2' && !this.state.isSynced) {
          performance.mark('verity:step2');
          this.applyFirstState(frame.update);
          // Checked once, before the editor binds: a document it cannot convert is reported, not a crash.
          if (hasUnbindableContent(this.doc)) throw new Error('the transcript holds content the editor cannot show');
          // Open-time marks (npm run bench:editor prints them): joined → step2 arrived → applied → editor bound.
          performance.mark('verity:synced');
          this.setState({ isSynced: true });
          return;
        }
        Y.applyUpdate(this.doc, frame.update, this);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, frame.update, this);
        return;
      case 'queryAwareness':
        this.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
        return;
    }
  }

  /**
   * Applies the server's whole document (the first sync step 2). Our update listener ignores what the
   * server sent, and while a Y.Doc has an update listener Yjs encodes every transaction for it: for a
   * 4-hour transcript, re-encoding the whole document just to be ignored. So it listens again after.
   */
  private applyFirstState(update: Uint8Array): void {
    this.doc.off('update', this.handleDocUpdate);
    try {
      Y.applyUpdate(this.doc, update, this);
    } finally {
      this.doc.on('update', this.handleDocUpdate);
    }
  }

  /** Answers the server's step 1 with everything it lacks — including anything typed offline. */
  private sendStep2(stateVector: Uint8Array): void {
    this.sendDocFrame(encodeSyncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector)), true);
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    this.dispatch({ type: 'localChange' });
    if (this.isJoined) this.sendDocFrame(encodeUpdateFrame(update), false);
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.isJoined) return;
    // The server only accepts states for client ids this connection introduced: ours.
    if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
    this.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  };

  /** Sends a document frame and tracks its ack for the save status. */
  private sendDocFrame(frame: Uint8Array, coversAll: boolean): void {
    if (!this.socket.connected) {
      this.dispatch({ type: 'localChange' });
      return;
    }
    const epoch = this.state.save.epoch;
    this.dispatch({ type: 'sent', epoch, coversAll });
    this.socket.timeout(ackTimeoutMs).emit('doc', { transcriptId: this.transcriptId, frame: frame as Uint8Array<ArrayBuffer> }, (error: Error | null, ack: DocAck) => {
      if (this.isDestroyed) return;
      if (error) {
        // No ack in time: treat the connection as broken; reconnecting resyncs everything.
        this.dispatch({ type: 'acked', epoch, ok: false, message: 'the server did not confirm in time' });
        if (epoch === this.state.save.epoch) this.socket.disconnect().connect();
        return;
      }
      this.dispatch(ack.ok ? { type: 'acked', epoch, ok: true } : { type: 'acked', epoch, ok: false, message: ack.error.message });
    });
  }

  /** Sends a frame whose ack carries nothing we track (awareness, step 1, queries). */
  private send(frame: Uint8Array): void {
    if (this.socket.connected) this.socket.emit('doc', { transcriptId: this.transcriptId, frame: frame as Uint8Array<ArrayBuffer> }, () => undefined);
  }
}
