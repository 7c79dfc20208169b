import * as Y from 'yjs';
import { encodeUpdateFrame } from '@verity/common';

/** Below this many connections every update goes out at once: there is little fan-out to save. */
const minMembersToCoalesce = 8;
/** Window per joined connection, and its cap: 100 editors wait up to 10 ms, 200 up to 20 ms. */
const windowMsPerMember = 0.1;
const maxWindowMs = 30;

/**
 * Accepted document updates on their way to a session's connections. With many connections joined, the
 * updates of a short window (growing with the number of connections) are merged into one frame, so each
 * connection gets one frame per window instead of one per update: the per-recipient cost of a broadcast
 * (a socket write each) is paid per window, which is what bounds a busy room. A batch of one update
 * still skips its sender; a merged batch goes to everyone, and a sender applying its own structs again
 * changes nothing. Small sessions, and any flush(), send at once.
 */
export class CoalescedBroadcast {
  private pending: { update: Uint8Array; except: unknown }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (message: Uint8Array, except: unknown) => void,
    private readonly memberCount: () => number,
  ) {}

  /** The window for the current number of connections (0: send at once). */
  get windowMs(): number {
    const members = this.memberCount();
    return members < minMembersToCoalesce ? 0 : Math.min(maxWindowMs, members * windowMsPerMember);
  }

  /** Queues `update` for everyone but `except` (its sender, or null). */
  push(update: Uint8Array, except: unknown): void {
    const windowMs = this.windowMs;
    if (windowMs === 0 && this.pending.length === 0) return this.send(encodeUpdateFrame(update), except);
    this.pending.push({ update, except });
    this.timer ??= setTimeout(() => this.flush(), windowMs);
  }

  /** Sends what is pending now (the window ended, or the session closes). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const first = batch[0]!;
    if (batch.length === 1) return this.send(encodeUpdateFrame(first.update), first.except);
    const except = batch.every((entry) => entry.except === first.except) ? first.except : null;
    this.send(encodeUpdateFrame(Y.mergeUpdates(batch.map((entry) => entry.update))), except);
  }
}
