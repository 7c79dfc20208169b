import { Prisma, type PrismaClient } from '../db/prisma.ts';
import { systemUserId } from './system-user.ts';
import type { AppendUpdate, Checkpoint, StoredUpdate, UpdateStore } from './update-store.ts';

export interface PostgresUpdateStoreOptions {
  /**
   * Builds the first state (a Y.encodeStateAsUpdate) of a transcript that has neither checkpoint nor
   * log rows; it is stored as the seq-0 checkpoint, the base every log row applies to. Without it such
   * a transcript loads as an empty document.
   */
  seed?: (transcriptId: string) => Promise<Uint8Array>;
  /**
   * False for readers: the seed is built and returned as the seq-0 checkpoint but not stored (reading
   * must not write; the first live session stores it). Default true.
   */
  storesSeed?: boolean;
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
   * are gap-free and unique; the insert commits with it or not at all, and so do the client-id claims
   * (a client id someone already owns violates the primary key and fails the whole statement).
   * Resolves after COMMIT.
   */
  async hasTranscript(transcriptId: string): Promise<boolean> {
    return (await this.prisma.transcript.count({ where: { id: transcriptId } })) > 0;
  }

  async append({ transcriptId, userId, update, claims = [] }: AppendUpdate): Promise<{ seq: number }> {
    const dbUserId = userId === systemUserId ? null : userId;
    const rows = await this.prisma.$queryRaw<{ seq: number }[]>`
      WITH next AS (
        UPDATE "transcripts" SET "last_seq" = "last_seq" + 1, "updated_at" = now()
        WHERE "id" = ${transcriptId}::uuid RETURNING "last_seq"
      ), claimed AS (
        INSERT INTO "yjs_client_owners" ("transcript_id", "client_id", "user_id")
        SELECT ${transcriptId}::uuid, client, ${dbUserId}::uuid FROM unnest(${claims.map(String)}::bigint[]) AS client
        WHERE EXISTS (SELECT 1 FROM next)
      )
      INSERT INTO "document_updates" ("transcript_id", "seq", "user_id", "update")
      SELECT ${transcriptId}::uuid, "last_seq", ${dbUserId}::uuid, ${Buffer.from(update)} FROM next
      RETURNING "seq"`;
    if (rows.length !== 1) throw new Error(`transcript ${transcriptId} does not exist`);
    return { seq: rows[0]!.seq };
  }

  /**
   * Group commit, one autocommitted statement like `append`: `last_seq` moves by the number of rows
   * under the transcript row's lock, the rows take the seqs in between in order, and the rows and all
   * their claims commit together or not at all. One commit (one WAL flush) for the whole group.
   */
  async appendMany(rows: readonly AppendUpdate[]): Promise<{ seq: number }[]> {
    if (rows.length === 0) return [];
    const transcriptId = rows[0]!.transcriptId;
    if (rows.some((row) => row.transcriptId !== transcriptId)) throw new Error('appendMany takes the rows of one transcript');
    const dbUser = (userId: string) => (userId === systemUserId ? null : userId);
    const values = Prisma.join(rows.map((row, index) => Prisma.sql`(${index + 1}::int, ${dbUser(row.userId)}::uuid, ${Buffer.from(row.update)}::bytea)`));
    const claims = rows.flatMap((row) => (row.claims ?? []).map((client) => Prisma.sql`(${String(client)}::bigint, ${dbUser(row.userId)}::uuid)`));
    const claimed =
      claims.length === 0
        ? Prisma.empty
        : Prisma.sql`, claimed AS (
            INSERT INTO "yjs_client_owners" ("transcript_id", "client_id", "user_id")
            SELECT ${transcriptId}::uuid, c.client, c.owner FROM (VALUES ${Prisma.join(claims)}) AS c(client, owner)
            WHERE EXISTS (SELECT 1 FROM next)
          )`;
    const stored = await this.prisma.$queryRaw<{ seq: number }[]>`
      WITH next AS (
        UPDATE "transcripts" SET "last_seq" = "last_seq" + ${rows.length}::int, "updated_at" = now()
        WHERE "id" = ${transcriptId}::uuid RETURNING "last_seq"
      )${claimed}
      INSERT INTO "document_updates" ("transcript_id", "seq", "user_id", "update")
      SELECT ${transcriptId}::uuid, next."last_seq" - ${rows.length}::int + r.n, r.user_id, r.update
      FROM next, (VALUES ${values}) AS r(n, user_id, update)
      ORDER BY r.n
      RETURNING "seq"`;
    if (stored.length !== rows.length) throw new Error(`transcript ${transcriptId} does not exist`);
    return stored.map((row) => ({ seq: row.seq })).sort((a, b) => a.seq - b.seq);
  }

  async loadLatest(transcriptId: string): Promise<Checkpoint | null> {
    const latest = await this.findLatest(transcriptId);
    if (latest || !this.options.seed) return latest;
    if (await this.prisma.documentUpdate.findFirst({ where: { transcriptId }, select: { id: true } })) return null;
    const state = await this.options.seed(transcriptId);
    if (this.options.storesSeed === false) return { state, uptoSeq: 0 };
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

  async loadClientOwners(transcriptId: string): Promise<Map<number, string>> {
    const rows = await this.prisma.yjsClientOwner.findMany({ where: { transcriptId }, select: { clientId: true, userId: true } });
    return new Map(rows.map((row) => [Number(row.clientId), row.userId ?? systemUserId]));
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
