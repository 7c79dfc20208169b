import type { AppendUpdate, UpdateStore } from './update-store.ts';

/** Most rows in one statement; a longer backlog goes in several. */
const maxGroupRows = 500;

interface Waiting {
  row: AppendUpdate;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one session's log. A row handed in when the log is idle is stored right after the
 * current synchronous turn (so an update and its normalization share a statement); rows handed in
 * while a group is being stored wait and go together in the next one. A busy room then costs one round
 * trip and one commit per group instead of one per keystroke, and an idle one adds no delay. Rows are
 * stored in the order given. Once a group fails, it and every row after it are refused, now and later
 * (they may build on the failed ones): the session must be reloaded from the store.
 */
export class GroupedAppends {
  private waiting: Waiting[] = [];
  private draining: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly store: UpdateStore) {}

  /** True once a group failed; nothing more is stored. */
  get hasFailed(): boolean {
    return this.failure !== null;
  }

  /** Resolves with the row's seq once it is durable; rejects when its group, or an earlier one, failed. */
  append(row: AppendUpdate): Promise<number> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.draining ??= Promise.resolve().then(() => this.drain());
    });
  }

  /** True when no row is waiting or being stored: the document holds nothing the log lacks. */
  get isIdle(): boolean {
    return this.draining === null;
  }

  /** Resolves once every row handed in so far is stored or refused. */
  settled(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0 && this.failure === null) {
      const group = this.waiting.splice(0, maxGroupRows);
      try {
        await this.storeGroup(group);
      } catch (error) {
        this.failure = error ?? new Error('the log could not be written');
        for (const entry of [...group, ...this.waiting.splice(0)]) entry.reject(this.failure);
      }
    }
    this.draining = null;
  }

  /** One statement when the store can (appendMany), else row by row; resolves each row as it is stored. */
  private async storeGroup(group: Waiting[]): Promise<void> {
    if (group.length > 1 && this.store.appendMany) {
      const stored = await this.store.appendMany(group.map((entry) => entry.row));
      group.forEach((entry, index) => entry.resolve(stored[index]!.seq));
      return;
    }
    while (group.length > 0) {
      const { seq } = await this.store.append(group[0]!.row);
      group.shift()!.resolve(seq);
    }
  }
}
