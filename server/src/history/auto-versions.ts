import { systemUserId } from '../collab/system-user.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';

export interface AutoVersionOptions {
  liveSessions: LiveSessions;
  /** Takes the snapshot; `actorId` is the last person who edited. */
  snapshot: (transcriptId: string, actorId: string) => Promise<unknown>;
  /** Quiet time after the last edit before a snapshot (default 3 minutes). */
  idleMs?: number;
  /** Longest stretch of continuous editing without a snapshot (default 30 minutes). */
  maxMs?: number;
  onError?: (error: unknown, transcriptId: string) => void;
}

interface Pending {
  firstEditAt: number;
  lastUserId: string;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Automatic versions: after `idleMs` without edits, when the last person leaves, and at least every
 * `maxMs` of continuous editing. Listens to the live sessions' domain events only; snapshots of one
 * transcript never overlap. `stop()` takes the snapshots still pending (shutdown).
 */
export class AutoVersions {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly idleMs: number;
  private readonly maxMs: number;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: AutoVersionOptions) {
    this.idleMs = options.idleMs ?? 3 * 60_000;
    this.maxMs = options.maxMs ?? 30 * 60_000;
    const onUpdate = ({ transcriptId, userId }: { transcriptId: string; userId: string }) => {
      if (userId !== systemUserId) this.noteEdit(transcriptId, userId);
    };
    const onLeft = ({ transcriptId }: { transcriptId: string }) => {
      void options.liveSessions.peek(transcriptId).then((session) => {
        if (!session || session.connectionCount === 0) void this.flush(transcriptId);
      });
    };
    const subscriptions = [options.liveSessions.events.on('updateAccepted', onUpdate), options.liveSessions.events.on('connectionLeft', onLeft)];
    this.unsubscribe = () => subscriptions.forEach((unsubscribe) => unsubscribe());
  }

  /** Transcripts with edits not yet in a version. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Takes the snapshot for a transcript now if it has unversioned edits. */
  flush(transcriptId: string): Promise<void> {
    const pending = this.pending.get(transcriptId);
    if (!pending) return this.running.get(transcriptId) ?? Promise.resolve();
    clearTimeout(pending.timer);
    this.pending.delete(transcriptId);
    const previous = this.running.get(transcriptId) ?? Promise.resolve();
    const run = previous
      .then(() => this.options.snapshot(transcriptId, pending.lastUserId))
      .then(
        () => undefined,
        (error: unknown) => this.options.onError?.(error, transcriptId),
      )
      .finally(() => {
        if (this.running.get(transcriptId) === run) this.running.delete(transcriptId);
      });
    this.running.set(transcriptId, run);
    return run;
  }

  /** Stops listening and takes every pending snapshot. */
  async stop(): Promise<void> {
    this.unsubscribe();
    await Promise.all([...this.pending.keys()].map((transcriptId) => this.flush(transcriptId)));
    await Promise.all(this.running.values());
  }

  private noteEdit(transcriptId: string, userId: string): void {
    const now = Date.now();
    const existing = this.pending.get(transcriptId);
    if (existing) clearTimeout(existing.timer);
    const firstEditAt = existing?.firstEditAt ?? now;
    const timer = setTimeout(() => void this.flush(transcriptId), this.idleMs);
    timer.unref?.();
    this.pending.set(transcriptId, { firstEditAt, lastUserId: userId, timer });
    if (now - firstEditAt >= this.maxMs) void this.flush(transcriptId);
  }
}
