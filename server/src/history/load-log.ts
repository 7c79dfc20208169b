import { buildSeedState } from '../collab/build-seed-state.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { LogReplay, type LogRow, type RowEffect } from './log-replay.ts';

/**
 * The base every log row applies to: the seq-0 checkpoint, or for a never-opened transcript the state
 * a first join would seed (built, not stored: reading history must not write).
 */
export async function loadSeed(prisma: PrismaClient, transcriptId: string): Promise<Uint8Array> {
  const seed = await prisma.documentCheckpoint.findUnique({ where: { transcriptId_uptoSeq: { transcriptId, uptoSeq: 0 } }, select: { state: true } });
  return seed ? new Uint8Array(seed.state) : buildSeedState(prisma, transcriptId);
}

/** Log rows in seq order, up to and including `uptoSeq` when given. */
export async function loadLog(prisma: PrismaClient, transcriptId: string, options: { uptoSeq?: number } = {}): Promise<LogRow[]> {
  const rows = await prisma.documentUpdate.findMany({
    where: { transcriptId, ...(options.uptoSeq === undefined ? {} : { seq: { lte: options.uptoSeq } }) },
    orderBy: { seq: 'asc' },
    select: { seq: true, userId: true, createdAt: true, update: true },
  });
  return rows.map((row) => ({ seq: row.seq, userId: row.userId, createdAt: row.createdAt, update: new Uint8Array(row.update) }));
}

/** Yjs client id → its recorded owner (null: the server), as the live session recorded them. */
export async function loadClientOwners(prisma: PrismaClient, transcriptId: string): Promise<Map<number, string | null>> {
  const rows = await prisma.yjsClientOwner.findMany({ where: { transcriptId }, select: { clientId: true, userId: true } });
  return new Map(rows.map((row) => [Number(row.clientId), row.userId]));
}

/**
 * Replays a transcript's whole log (up to `uptoSeq`) from its seed, calling `onRow` after each row
 * with what it changed. The caller owns the returned replay (its final document) and destroys it.
 */
export async function replayTranscriptLog(
  prisma: PrismaClient,
  transcriptId: string,
  options: { uptoSeq?: number; tracksTurns?: boolean; beforeRow?: (row: LogRow, replay: LogReplay) => void; onRow?: (row: LogRow, effect: RowEffect, replay: LogReplay) => void },
): Promise<LogReplay> {
  const [seed, rows, owners] = await Promise.all([loadSeed(prisma, transcriptId), loadLog(prisma, transcriptId, options), loadClientOwners(prisma, transcriptId)]);
  const replay = new LogReplay(seed, { tracksTurns: options.tracksTurns, owners });
  for (const row of rows) {
    options.beforeRow?.(row, replay);
    const effect = replay.apply(row);
    options.onRow?.(row, effect, replay);
  }
  return replay;
}
