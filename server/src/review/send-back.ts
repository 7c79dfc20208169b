import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { changeStatus } from './change-status.ts';

/** in_review → draft with the reviewer's comment; the caller has checked `approve`. */
export async function sendBack(prisma: PrismaClient, options: { transcriptId: string; actorId: string; comment: string }): Promise<void> {
  await prisma.$transaction((tx) => changeStatus(tx, { ...options, from: 'in_review', to: 'draft', action: 'sent_back' }));
  domainEvents.emit('transcriptChanged', { transcriptId: options.transcriptId, topics: ['review'] });
}
