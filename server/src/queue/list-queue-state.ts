import type { QueueStateResponse } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { presentQueueResolution } from './queue.presenter.ts';

/** The newest resolutions the queue's "Resolved" section shows; older ones stay stored. */
const shownResolutions = 100;

/** The queue's server side: the latest resolutions, newest first, and every dismissed key (hidden for everyone). */
export async function listQueueState(prisma: PrismaClient, options: { transcriptId: string }): Promise<QueueStateResponse> {
  const { transcriptId } = options;
  const [rows, dismissals] = await Promise.all([
    prisma.queueResolution.findMany({
      where: { transcriptId },
      orderBy: { id: 'desc' },
      take: shownResolutions,
      include: { user: { select: { id: true, displayName: true } } },
    }),
    prisma.queueResolution.findMany({ where: { transcriptId, isDismissal: true }, distinct: ['itemKey'], select: { itemKey: true } }),
  ]);
  return { resolutions: rows.map(presentQueueResolution), dismissedKeys: dismissals.map((row) => row.itemKey) };
}
