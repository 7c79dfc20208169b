import { AppError, roleRank, type Invitation, type Role } from '@verity/common';
import { hashToken } from '../accounts/sessions.ts';
import type { Prisma, PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { invitationState, presentInvitation } from './invitation.presenter.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * What an invitation offers, for a signed-in user holding the link, before they join. It refuses
 * exactly what accepting would refuse, so the page never offers an Accept that cannot work.
 */
export async function previewInvitation(prisma: PrismaClient, options: { token: string; userId: string; publicUrl: string }): Promise<Invitation> {
  const { row, membership } = await openInvitation(prisma, options);
  return presentInvitation(row, { token: options.token, publicUrl: options.publicUrl, memberRole: membership?.role ?? null });
}

/**
 * Joins the transcript with the invited role; an existing member keeps the higher of the two roles
 * and then uses up nothing. The link's row is locked for the whole check-count-join, so two accounts
 * racing for its last use are served one after the other and the second is refused.
 */
export async function acceptInvitation(prisma: PrismaClient, options: { token: string; userId: string }): Promise<{ transcriptId: string; role: Role }> {
  const joined = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM "invitations" WHERE "token_hash" = ${hashToken(options.token)} FOR UPDATE`;
    const { row, membership: existing, hasRole } = await openInvitation(tx, options);
    if (existing && hasRole) return { transcriptId: row.transcriptId, role: existing.role, isChanged: false };
    await tx.invitation.update({ where: { id: row.id }, data: { useCount: { increment: 1 } } });
    const membership = await tx.membership.upsert({
      where: { transcriptId_userId: { transcriptId: row.transcriptId, userId: options.userId } },
      create: { transcriptId: row.transcriptId, userId: options.userId, role: row.role },
      update: { role: row.role },
    });
    return { transcriptId: membership.transcriptId, role: membership.role, isChanged: true };
  });
  // After the commit: a member who raised their role through a link gets it on their open connections.
  if (joined.isChanged) domainEvents.emit('membershipChanged', { transcriptId: joined.transcriptId, userId: options.userId, role: joined.role });
  return { transcriptId: joined.transcriptId, role: joined.role };
}

/**
 * The link behind a token and the user's membership, or why the link does not admit them. A member
 * who already has the link's role (or more) gains nothing from it, so for them a used-up, expired or
 * revoked link is no error: reopening the link they joined with just says they are in.
 */
async function openInvitation(db: Db, options: { token: string; userId: string }) {
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(options.token) }, include: { transcript: true, createdBy: true } });
  if (!row) throw new AppError('not_found', 'This invitation link is not valid. Check that it was copied whole.');
  const membership = await db.membership.findUnique({ where: { transcriptId_userId: { transcriptId: row.transcriptId, userId: options.userId } } });
  const hasRole = membership !== null && roleRank(membership.role) >= roleRank(row.role);
  if (!hasRole) await assertAdmits(db, row, options.userId);
  return { row, membership, hasRole };
}

async function assertAdmits(db: Db, row: { transcriptId: string; revokedAt: Date | null; useCount: number; maxUses: number; expiresAt: Date }, userId: string) {
  const state = invitationState(row);
  if (state === 'revoked') throw new AppError('conflict', 'This invitation link was revoked by the transcript’s owner. Ask them for a new one.');
  if (state === 'used_up') {
    const times = row.maxUses === 1 ? 'It was a single-use link and has been used.' : `It has been used all ${row.maxUses} times it allows.`;
    throw new AppError('conflict', `This invitation link cannot be used again. ${times} Ask the transcript’s owner for a new one.`);
  }
  if (state === 'expired') throw new AppError('conflict', `This invitation link expired on ${row.expiresAt.toISOString().slice(0, 10)}. Ask the transcript’s owner for a new one.`);
  const removal = await db.memberRemoval.findUnique({ where: { transcriptId_userId: { transcriptId: row.transcriptId, userId } } });
  if (removal) {
    throw new AppError('forbidden', 'You were removed from this transcript, so its invitation links no longer admit you. Its owner can add you again by e-mail.');
  }
}
