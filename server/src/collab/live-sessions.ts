import type * as Y from 'yjs';
import type { Connection, DisconnectReason } from './connection.ts';
import { LiveSession } from './live-session.ts';
import type { LiveSessionEvents, LiveSessionOptions } from './live-session-types.ts';
import { TypedEmitter } from './typed-emitter.ts';

/** How long a join waits for the log to catch up before sending the state as it is. */
const joinStoreWaitMs = 2_000;

/** Options shared by every session the registry opens. */
export type LiveSessionsOptions = Omit<LiveSessionOptions, 'transcriptId'> & {
  /**
   * How long a session nobody is in stays loaded after its idle checkpoint (default 0: disposed at
   * once), so a reload, or coming back to the transcript, does not load and repair it again.
   */
  keepIdleMs?: number;
};

/** Events of every open session, re-emitted so history can subscribe once for all transcripts. */
export type LiveSessionsEvents = Omit<LiveSessionEvents, 'idle'>;

const forwardedEvents = [
  'updateAccepted',
  'connectionJoined',
  'connectionLeft',
  'checkpointSaved',
  'checkpointFailed',
  'normalizeFailed',
] as const satisfies readonly (keyof LiveSessionsEvents)[];

/**
 * The open live sessions by transcript id. Concurrent requests for one transcript share a single
 * load; a session is disposed once its last connection left and its checkpoint is written.
 */
export class LiveSessions {
  /** Domain events of all sessions. */
  readonly events = new TypedEmitter<LiveSessionsEvents>();
  private readonly sessions = new Map<string, Promise<LiveSession>>();
  private readonly borrowed = new Map<LiveSession, number>();
  private readonly idleTimers = new Map<LiveSession, ReturnType<typeof setTimeout>>();
  private isShuttingDown = false;

  constructor(private readonly options: LiveSessionsOptions) {}

  /** Number of sessions open or loading. */
  get size(): number {
    return this.sessions.size;
  }

  /** The open session for a transcript, loading it from the store on first use. */
  get(transcriptId: string): Promise<LiveSession> {
    if (this.isShuttingDown) return Promise.reject(new Error('live sessions are shutting down'));
    const existing = this.sessions.get(transcriptId);
    if (existing) return existing;
    const loading = LiveSession.load({ ...this.options, transcriptId }).then((session) => {
      this.wire(session, loading);
      return session;
    });
    this.sessions.set(transcriptId, loading);
    // A failed load is forgotten so the next join retries instead of inheriting the error forever.
    loading.catch(() => this.forget(transcriptId, loading));
    return loading;
  }

  /**
   * Runs `task` on the transcript's session (loading it if needed) and disposes of the session
   * afterwards when nobody is connected, so server-side changes (restores) reach connected editors
   * and are stored exactly like theirs, without keeping unused documents in memory.
   */
  async withSession<T>(transcriptId: string, task: (session: LiveSession) => Promise<T>): Promise<T> {
    let loading = this.get(transcriptId);
    let session = await loading;
    while (session.isClosed) {
      this.forget(transcriptId, loading);
      loading = this.get(transcriptId);
      session = await loading;
    }
    // Counted so one task's clean-up cannot close the session under another task still using it.
    this.borrowed.set(session, (this.borrowed.get(session) ?? 0) + 1);
    try {
      return await task(session);
    } finally {
      const left = (this.borrowed.get(session) ?? 1) - 1;
      if (left > 0) this.borrowed.set(session, left);
      else this.borrowed.delete(session);
      if (left === 0 && session.connectionCount === 0 && !session.isClosed) {
        this.forget(transcriptId, loading);
        await session.close('session_closed');
      }
    }
  }

  /** Gets or loads the session and joins the connection to it; resolves with the session. */
  async join(transcriptId: string, connection: Connection): Promise<LiveSession> {
    // A newcomer's first state holds only stored updates (see LiveSession's sync step 1), waiting for
    // the log to be idle, but not for ever: a room typing without pause keeps a group in flight.
    const storedBy = Date.now() + joinStoreWaitMs;
    for (;;) {
      const loading = this.get(transcriptId);
      const session = await loading;
      if (!session.isClosed && !session.isStored && Date.now() < storedBy) {
        await session.whenStored();
        continue;
      }
      // Checked and joined in one synchronous step: disposal can only happen between awaits.
      if (!session.isClosed) {
        session.join(connection);
        return session;
      }
      // Closed while we waited (disposed, or closed directly): drop it and load a fresh one.
      this.forget(transcriptId, loading);
    }
  }

  /**
   * Applies a server-side change through the transcript's session (see LiveSession.applyChange),
   * loading it when nobody has it open; a session loaded only for this is checkpointed and disposed.
   */
  async applyChange(transcriptId: string, userId: string, change: (doc: Y.Doc) => void): Promise<number | null> {
    return this.withSession(transcriptId, (session) => session.applyChange(userId, change));
  }

  /** The open session's document, or null when no session is open or loading (never loads one). */
  async peek(transcriptId: string): Promise<LiveSession | null> {
    const loading = this.sessions.get(transcriptId);
    if (!loading) return null;
    const session = await loading.catch(() => null);
    return session && !session.isClosed ? session : null;
  }

  /** Graceful shutdown: disconnects everyone with `reason` and writes every final checkpoint. */
  async closeAll(reason: DisconnectReason): Promise<void> {
    this.isShuttingDown = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const loading = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(loading.map(async (session) => (await session).close(reason)));
  }

  private wire(session: LiveSession, loading: Promise<LiveSession>): void {
    for (const name of forwardedEvents) {
      session.events.on(name, (payload) => this.events.emit(name, payload as never));
    }
    // Someone may have joined while the idle checkpoint was written (or while it was kept); then it stays.
    const isUnused = () => session.connectionCount === 0 && !session.isClosed && !this.borrowed.has(session);
    const dispose = () => {
      this.idleTimers.delete(session);
      if (!isUnused()) return;
      this.forget(session.transcriptId, loading);
      void session.close('session_closed');
    };
    session.events.on('idle', () => {
      clearTimeout(this.idleTimers.get(session));
      const keepIdleMs = this.options.keepIdleMs ?? 0;
      if (keepIdleMs <= 0 || !isUnused()) return dispose();
      const timer = setTimeout(dispose, keepIdleMs);
      timer.unref?.();
      this.idleTimers.set(session, timer);
    });
  }

  private forget(transcriptId: string, loading: Promise<LiveSession>): void {
    if (this.sessions.get(transcriptId) === loading) this.sessions.delete(transcriptId);
  }
}
