import type { AppendUpdate, Checkpoint, StoredUpdate, UpdateStore } from './update-store.ts';

/** A logged row as the memory store keeps it, including who wrote it (for assertions in tests). */
export interface MemoryLogRow extends StoredUpdate {
  userId: string;
}

/** In-process UpdateStore for tests and throw-away runs; copies bytes like a database would. */
export class MemoryUpdateStore implements UpdateStore {
  private readonly logs = new Map<string, MemoryLogRow[]>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly owners = new Map<string, Map<number, string>>();
  /** Every saveCheckpoint call in order, so tests can tell when checkpoints happened. */
  readonly checkpointHistory: { transcriptId: string; uptoSeq: number }[] = [];

  async append(row: AppendUpdate): Promise<{ seq: number }> {
    return this.insert(row);
  }

  private insert({ transcriptId, userId, update, claims = [] }: AppendUpdate): { seq: number } {
    const owners = this.ownersOf(transcriptId);
    if (claims.some((client) => owners.has(client))) throw new Error('a claimed client id already has an owner');
    for (const client of claims) owners.set(client, userId);
    const rows = this.rowsOf(transcriptId);
    const seq = (rows.at(-1)?.seq ?? 0) + 1;
    rows.push({ seq, userId, update: update.slice() });
    return { seq };
  }

  /** All or none, like the database's one statement: claims are checked for every row first. */
  async appendMany(rows: readonly AppendUpdate[]): Promise<{ seq: number }[]> {
    const claimed = new Set<string>();
    for (const { transcriptId, claims = [] } of rows) {
      for (const client of claims) {
        const key = `${transcriptId}:${client}`;
        if (this.ownersOf(transcriptId).has(client) || claimed.has(key)) throw new Error('a claimed client id already has an owner');
        claimed.add(key);
      }
    }
    return rows.map((row) => this.insert(row));
  }

  async loadLatest(transcriptId: string): Promise<Checkpoint | null> {
    const checkpoint = this.checkpoints.get(transcriptId);
    return checkpoint ? { state: checkpoint.state.slice(), uptoSeq: checkpoint.uptoSeq } : null;
  }

  async loadUpdatesAfter(transcriptId: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.rowsOf(transcriptId)
      .filter((row) => row.seq > afterSeq)
      .map((row) => ({ seq: row.seq, update: row.update.slice() }));
  }

  async loadClientOwners(transcriptId: string): Promise<Map<number, string>> {
    return new Map(this.ownersOf(transcriptId));
  }

  async saveCheckpoint(transcriptId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.checkpointHistory.push({ transcriptId, uptoSeq });
    const current = this.checkpoints.get(transcriptId);
    // A late, older save must not replace a newer checkpoint (see the UpdateStore contract).
    if (!current || current.uptoSeq <= uptoSeq) {
      this.checkpoints.set(transcriptId, { state: state.slice(), uptoSeq });
    }
  }

  /** The log of one transcript, oldest first. */
  rows(transcriptId: string): readonly MemoryLogRow[] {
    return this.rowsOf(transcriptId);
  }

  private ownersOf(transcriptId: string): Map<number, string> {
    let owners = this.owners.get(transcriptId);
    if (!owners) this.owners.set(transcriptId, (owners = new Map()));
    return owners;
  }

  private rowsOf(transcriptId: string): MemoryLogRow[] {
    let rows = this.logs.get(transcriptId);
    if (!rows) {
      rows = [];
      this.logs.set(transcriptId, rows);
    }
    return rows;
  }
}
