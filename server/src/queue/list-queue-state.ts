import type { QueueStateResponse } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { presentQueueResolution } from './queue.presenter.ts';

/** The newest resolutions the queue's "Resolved" section shows; older ones stay stored. */
const shownResolutions = 100;

/** The queue's server side: the latest resolutions, newest first, and every key dismissed and not restored (hidden for everyone). */
export async function listQueueState(prisma: PrismaClient, options: { transcriptId: string }): Promise<QueueStateResponse> {
  const { transcriptId } = options;
  const [rows, dismissals] = await Promise.all([
    prisma.queueResolution.findMany({
      where: { transcriptId },
      orderBy: { id: 'desc' },
      take: shownResolutions,
      include: { user: { select: { id: true, displayName: true } } },
    }),
    prisma.queueResolution.findMany({ where: { transcriptId, OR: [{ isDismissal: true }, { action: 'restored' }] }, orderBy: { id: 'asc' }, select: { itemKey: true, isDismissal: true } }),
  ]);
  return { resolutions: rows.map(presentQueueResolution), dismissedKeys: [...currentlyDismissed(dismissals)] };
}

/** The keys whose latest dismissal or restore, in log order, is a dismissal. */
export function currentlyDismissed(rows: readonly { itemKey: string; isDismissal: boolean }[]): Set<string> {
  const dismissed = new Set<string>();
  for (const row of rows) {
    if (row.isDismissal) dismissed.add(row.itemKey);
    else dismissed.delete(row.itemKey);
  }
  return dismissed;
}
