import type { Prisma, PrismaClient } from '../db/prisma.ts';
import type { MediaStore } from './media-store.ts';

/**
 * Takes a transaction-scoped advisory lock per blob hash (sorted, so two transactions never wait on each
 * other in opposite orders). Every change that adds or drops a reference to a blob, and every check that
 * none is left before deleting it, holds the blob's lock: a blob is never deleted while a row that names
 * it is being written.
 */
export async function lockBlobs(tx: Prisma.TransactionClient, hashes: string[]): Promise<void> {
  for (const sha256 of [...new Set(hashes)].sort()) {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`media-blob:${sha256}`}, 0))) AS lock`;
  }
}

/** Removes blobs (and their derived files) no recording names any more; another transcript may hold the same file. */
export async function deleteUnreferencedBlobs(prisma: PrismaClient, store: MediaStore, hashes: string[]): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    // The count and the deletion happen under the blob's lock, so an attach of the same file waits or is seen.
    await prisma.$transaction(async (tx) => {
      await lockBlobs(tx, [sha256]);
      const users = await tx.recording.count({ where: { OR: [{ sha256 }, { playableSha256: sha256 }] } });
      if (users === 0) await store.deleteBlob(sha256);
    });
  }
}
