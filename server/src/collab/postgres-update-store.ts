import type { PrismaClient } from '../db/prisma.ts';
import type { AppendUpdate, Checkpoint, StoredUpdate, UpdateStore } from './update-store.ts';

/** The user id LiveSession stamps on its own (normalization) updates; stored as NULL, "the server". */
export const systemUserId = 'system';

export interface PostgresUpdateStoreOptions {
  /**
   * Builds the first state (a Y.encodeStateAsUpdate) of a transcript that has neither checkpoint nor
   * log rows; it is stored as the seq-0 checkpoint, the base every log row applies to. Without it such
   * a transcript loads as an empty document.
   */
  seed?: (transcriptId: string) => Promise<Uint8Array>;
}

/** UpdateStore over document_updates (append-only log) and document_checkpoints. */
export class PostgresUpdateStore implements UpdateStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: PostgresUpdateStoreOptions = {},
  ) {}

  /**
   * One autocommitted statement: the UPDATE takes the transcript row's lock, which serializes appends
   * for one transcript across processes, and re-reads the newest `last_seq` after any wait, so seqs
   * are gap-free and unique; the insert commits with it or not at all. Resolves after COMMIT.
   */
  async append({ transcriptId, userId, update }: AppendUpdate): Promise<{ seq: number }> {
    const rows = await this.prisma.$queryRaw<{ seq: number }[]>`
      WITH next AS (
        UPDATE "transcripts" SET "last_seq" = "last_seq" + 1, "updated_at" = now()
        WHERE "id" = ${transcriptId}::uuid RETURNING "last_seq"
      )
      INSERT INTO "document_updates" ("transcript_id", "seq", "user_id", "update")
      SELECT ${transcriptId}::uuid, "last_seq", ${userId === systemUserId ? null : userId}::uuid, ${Buffer.from(update)} FROM next
      RETURNING "seq"`;
    if (rows.length !== 1) throw new Error(`transcript ${transcriptId} does not exist`);
    return { seq: rows[0]!.seq };
  }

  async loadLatest(transcriptId: string): Promise<Checkpoint | null> {
    const latest = await this.findLatest(transcriptId);
    if (latest || !this.options.seed) return latest;
    if (await this.prisma.documentUpdate.findFirst({ where: { transcriptId }, select: { id: true } })) return null;
    const state = await this.options.seed(transcriptId);
    // Two processes may seed at once: the first insert wins and both load the winner.
    await this.prisma.documentCheckpoint.createMany({ data: [{ transcriptId, uptoSeq: 0, state: copy(state) }], skipDuplicates: true });
    return this.findLatest(transcriptId);
  }

  async loadUpdatesAfter(transcriptId: string, afterSeq: number): Promise<StoredUpdate[]> {
    const rows = await this.prisma.documentUpdate.findMany({
      where: { transcriptId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      select: { seq: true, update: true },
    });
    return rows.map((row) => ({ seq: row.seq, update: new Uint8Array(row.update) }));
  }

  /** Older checkpoints stay: seq 0 is history's base, later ones shortcut its replays. */
  async saveCheckpoint(transcriptId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    await this.prisma.documentCheckpoint.createMany({ data: [{ transcriptId, uptoSeq, state: copy(state) }], skipDuplicates: true });
  }

  private async findLatest(transcriptId: string): Promise<Checkpoint | null> {
    const row = await this.prisma.documentCheckpoint.findFirst({ where: { transcriptId }, orderBy: { uptoSeq: 'desc' } });
    return row ? { state: new Uint8Array(row.state), uptoSeq: row.uptoSeq } : null;
  }
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
