import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { changeStatus } from './change-status.ts';

/** draft → in_review; the caller has checked `submitForReview`. */
export async function submitForReview(prisma: PrismaClient, options: { transcriptId: string; actorId: string; comment?: string }): Promise<void> {
  await prisma.$transaction((tx) => changeStatus(tx, { ...options, from: 'draft', to: 'in_review', action: 'submitted', comment: options.comment || null }));
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['review'] });
}
