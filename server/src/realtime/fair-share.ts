import { frameType, syncType } from '@verity/common';

/** A token bucket: holds up to `capacity` tokens and regains `perSecond` of them every second. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes `amount` tokens if there are that many; false (and nothing taken) otherwise. */
  take(amount = 1): boolean {
    if (this.delayFor(amount) > 0) return false;
    this.tokens -= Math.min(amount, this.capacity);
    return true;
  }

  /** True when the bucket is full again: it is then no different from a new one. */
  get isFull(): boolean {
    return this.delayFor(this.capacity) === 0;
  }

  /** Milliseconds until `amount` tokens are there (an amount above capacity waits for a full bucket). */
  delayFor(amount = 1): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    const missing = Math.min(amount, this.capacity) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.perSecond) * 1000);
  }
}

/** One connection's allowance; sized for a fast human typist (key repeat ~30/s) with room to spare. */
export const fairShareLimits = {
  /**
   * Document update frames (each costs an append and a broadcast). The burst is small, so that even a
   * client within its share never puts many at once ahead of everyone else's in the transcript's queue.
   */
  updates: { capacity: 10, perSecond: 30 },
  /** Bytes of updates and presence; the burst covers one maximal frame (a large paste or offline batch). */
  bytes: { capacity: 16 * 1024 * 1024, perSecond: 1024 * 1024 },
  /** Presence frames (a cursor move each). */
  awareness: { capacity: 60, perSecond: 30 },
  /** Joins, sync step 1 and awareness queries: each makes the server send a whole document or roster. */
  syncRequests: { capacity: 8, perSecond: 1 },
  /** Refused frames tolerated (regained per second) before the connection counts as abusive. */
  refusals: { capacity: 100, perSecond: 10 },
  /** Update frames that may wait for their turn; one more and the connection counts as abusive. */
  backlog: { capacity: 120, perSecond: 0 },
  /** Joins per user across all their sockets (a fresh socket gets a fresh budget above). */
  userJoins: { capacity: 20, perSecond: 1 },
  /** Document updates per user across all their sockets (a few tabs typing at once). */
  userUpdates: { capacity: 60, perSecond: 60 },
} as const;

export type FairShareLimits = { [K in keyof typeof fairShareLimits]: { capacity: number; perSecond: number } };

/** What happens to one incoming frame that is not a document update. */
export type Admission = 'admit' | 'refuse' | 'disconnect';

/** Document updates (sync step 2 and update), which must be handled in the order they were sent. */
export function isUpdateFrame(frame: Uint8Array): boolean {
  // Anything unrecognised counts as an update too (and is refused later as malformed).
  return !(frame[0] === frameType.awareness || frame[0] === frameType.queryAwareness || (frame[0] === frameType.sync && frame[1] === syncType.step1));
}

/**
 * A connection's fair share of the server, checked before a frame reaches the transcript's queue, so
 * that a flooding client waits on its own budget instead of in front of everyone else's edits.
 * Document updates are delayed, never refused, while the budget is spent: they are handled in the
 * order sent (a later one may build on an earlier one, and a gap would make the rest unusable), and a
 * connection with more than `backlog` of them waiting is abusive. Sync requests and presence beyond
 * the budget are refused (a `rate_limited` ack; nothing else depends on them), and a connection that
 * runs out of refusals is abusive. Abusive connections are closed 'rate_limited'.
 */
export class FairShare {
  private readonly limits: FairShareLimits;
  private readonly updates: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly awareness: TokenBucket;
  private readonly syncRequests: TokenBucket;
  private readonly refusals: TokenBucket;
  private waiting = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    limits: FairShareLimits = fairShareLimits,
    now?: () => number,
    /** The user's budget across sockets (UserBudgets.of), when there is one. */
    private readonly user?: UserBudget,
  ) {
    const bucket = ({ capacity, perSecond }: { capacity: number; perSecond: number }) => new TokenBucket(capacity, perSecond, now);
    this.limits = limits;
    this.updates = bucket(limits.updates);
    this.bytes = bucket(limits.bytes);
    this.awareness = bucket(limits.awareness);
    this.syncRequests = bucket(limits.syncRequests);
    this.refusals = bucket(limits.refusals);
  }

  /** Decides at once on a frame that is not a document update. */
  admitFrame(frame: Uint8Array): Admission {
    const isAdmitted = frame[0] === frameType.awareness ? this.awareness.take() && this.bytes.take(frame.byteLength) : this.syncRequests.take();
    return isAdmitted ? 'admit' : this.refuse();
  }

  /** Decides on a join (it sends the whole document), against this socket's and the user's budgets. */
  admitJoin(): Admission {
    return (this.user?.joins.take() ?? true) && this.syncRequests.take() ? 'admit' : this.refuse();
  }

  /**
   * Waits until a document update of `byteLength` bytes may go, after every earlier one (FIFO).
   * Resolves false, at once, when too many are already waiting.
   */
  async awaitUpdateTurn(byteLength: number): Promise<boolean> {
    if (this.waiting >= this.limits.backlog.capacity) return false;
    this.waiting++;
    const turn = this.tail.then(async () => {
      for (;;) {
        const delay = Math.max(this.updates.delayFor(1), this.bytes.delayFor(byteLength), this.user?.updates.delayFor(1) ?? 0);
        if (delay === 0) break;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
      this.updates.take(1);
      this.bytes.take(byteLength);
      this.user?.updates.take(1);
    });
    this.tail = turn;
    await turn;
    this.waiting--;
    return true;
  }

  private refuse(): Admission {
    return this.refusals.take() ? 'refuse' : 'disconnect';
  }
}

/** A user's budgets, shared by all of their sockets (each socket also has its own FairShare). */
export interface UserBudget {
  joins: TokenBucket;
  updates: TokenBucket;
}

/**
 * Budgets per user across all of their sockets: opening more sockets (each with a fresh FairShare)
 * neither makes the server send whole documents without bound nor multiplies the update rate. Full
 * budgets are dropped when the map grows, since a full budget is the same as none.
 */
export class UserBudgets {
  private readonly budgets = new Map<string, UserBudget>();

  constructor(
    private readonly limits: Pick<FairShareLimits, 'userJoins' | 'userUpdates'> = fairShareLimits,
    private readonly now?: () => number,
  ) {}

  /** The user's budget, created full on first use. */
  of(userId: string): UserBudget {
    let budget = this.budgets.get(userId);
    if (!budget) {
      if (this.budgets.size >= 10_000) for (const [id, old] of this.budgets) if (old.joins.isFull && old.updates.isFull) this.budgets.delete(id);
      const bucket = ({ capacity, perSecond }: { capacity: number; perSecond: number }) => new TokenBucket(capacity, perSecond, this.now);
      budget = { joins: bucket(this.limits.userJoins), updates: bucket(this.limits.userUpdates) };
      this.budgets.set(userId, budget);
    }
    return budget;
  }
}
