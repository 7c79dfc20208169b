import { AppError, type InvitationLink } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { presentInvitationLink } from './invitation.presenter.ts';
import { isUuid } from './transcript-access.ts';

/** The list shows this many links, newest first; older ones have long expired. */
const listedInvitations = 100;

/** A transcript's invitation links, newest first, whatever their state. */
export async function listInvitations(prisma: PrismaClient, options: { transcriptId: string }): Promise<InvitationLink[]> {
  const rows = await prisma.invitation.findMany({
    where: { transcriptId: options.transcriptId },
    include: { createdBy: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: listedInvitations,
  });
  return rows.map(presentInvitationLink);
}

/**
 * Revokes a link of this transcript: from now on it admits nobody. Revoking twice keeps the first
 * time. Membership already gained through the link stays; removing members is a separate act.
 */
export async function revokeInvitation(prisma: PrismaClient, options: { transcriptId: string; invitationId: string }): Promise<InvitationLink> {
  const notFound = new AppError('not_found', 'No such invitation link on this transcript.');
  if (!isUuid(options.invitationId)) throw notFound;
  const where = { id: options.invitationId, transcriptId: options.transcriptId };
  await prisma.invitation.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await prisma.invitation.findFirst({ where, include: { createdBy: true } });
  if (!row) throw notFound;
  return presentInvitationLink(row);
}
