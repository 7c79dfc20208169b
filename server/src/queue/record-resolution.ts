import { AppError, isDismissalAction, type QueueResolution, type RecordResolutionRequest } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { presentQueueResolution } from './queue.presenter.ts';

/** Rows one transcript may hold: far above any review (a 4-hour file has hundreds of items), below a flood. */
export const maxResolutionsPerTranscript = 10_000;

/**
 * Records how a queue item was resolved (the caller has checked `correct`). A dismissal of a key
 * dismissed now returns that record instead of a second; a restore needs a key dismissed now (conflict
 * otherwise); every other resolution is a new row (an uncertain span's key is reused by the next span
 * of the turn). Announces the `queue` topic after commit.
 */
export async function recordResolution(prisma: PrismaClient, options: { transcriptId: string; actorId: string; request: RecordResolutionRequest }): Promise<QueueResolution> {
  const { transcriptId, actorId, request } = options;
  const isDismissal = isDismissalAction(request.action);
  const include = { user: { select: { id: true, displayName: true } } } as const;
  const row = await prisma.$transaction(async (tx) => {
    // One writer per transcript at a time, so the count and the "already dismissed" check hold.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('queue_resolutions'), hashtext(${transcriptId}))`;
    if (isDismissal || request.action === 'restored') {
      // The key's latest dismissal or restore says whether it is hidden now.
      const latest = await tx.queueResolution.findFirst({ where: { transcriptId, itemKey: request.itemKey, OR: [{ isDismissal: true }, { action: 'restored' }] }, include, orderBy: { id: 'desc' } });
      if (isDismissal && latest?.isDismissal) return { row: latest, isNew: false };
      if (!isDismissal && !latest?.isDismissal) throw new AppError('conflict', 'This item is not dismissed.');
    }
    if ((await tx.queueResolution.count({ where: { transcriptId } })) >= maxResolutionsPerTranscript) {
      throw new AppError('conflict', `This transcript already holds ${maxResolutionsPerTranscript} queue resolutions.`);
    }
    const created = await tx.queueResolution.create({
      data: { transcriptId, itemKey: request.itemKey, kind: request.kind, action: request.action, isDismissal, label: request.label, userId: actorId },
      include,
    });
    return { row: created, isNew: true };
  });
  if (row.isNew) domainEvents.emit('transcriptChanged', { transcriptId, topics: ['queue'] });
  return presentQueueResolution(row.row);
}
