import { AppError, roleRank, type GrantableRole, type Member } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { domainEvents } from '../events/domain-events.ts';
import { isUuid } from './transcript-access.ts';

function presentMember(membership: { role: Member['role']; user: { id: string; email: string; displayName: string } }): Member {
  return { userId: membership.user.id, email: membership.user.email, displayName: membership.user.displayName, role: membership.role };
}

/** Members of a transcript, owner first then by name. */
export async function listMembers(prisma: PrismaClient, options: { transcriptId: string }): Promise<Member[]> {
  const memberships = await prisma.membership.findMany({ where: { transcriptId: options.transcriptId }, include: { user: true } });
  return memberships
    .map(presentMember)
    .sort((a, b) => roleRank(b.role) - roleRank(a.role) || a.displayName.localeCompare(b.displayName));
}

/** Adds an existing account as a member; an existing member keeps one row and gets the new role. */
export async function addMember(prisma: PrismaClient, options: { transcriptId: string; email: string; role: GrantableRole }): Promise<Member> {
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  if (!user) throw new AppError('not_found', `No account with the e-mail ${options.email}. Send an invitation link instead.`);
  const existing = await prisma.membership.findUnique({ where: { transcriptId_userId: { transcriptId: options.transcriptId, userId: user.id } } });
  if (existing?.role === 'owner') throw new AppError('conflict', 'The owner already has every permission.');
  const key = { transcriptId_userId: { transcriptId: options.transcriptId, userId: user.id } };
  // Adding someone by hand is the owner's fresh decision: it lifts an earlier removal.
  const [, membership] = await prisma.$transaction([
    prisma.memberRemoval.deleteMany({ where: { transcriptId: options.transcriptId, userId: user.id } }),
    prisma.membership.upsert({
      where: key,
      create: { transcriptId: options.transcriptId, userId: user.id, role: options.role },
      update: { role: options.role },
      include: { user: true },
    }),
  ]);
  domainEvents.emit('membershipChanged', { transcriptId: membership.transcriptId, userId: membership.userId, role: membership.role });
  return presentMember(membership);
}

/** Changes a member's role; the owner's role is fixed. */
export async function changeMemberRole(prisma: PrismaClient, options: { transcriptId: string; userId: string; role: GrantableRole }): Promise<Member> {
  const membership = await findNonOwnerMembership(prisma, options);
  const updated = await prisma.membership.update({
    where: { transcriptId_userId: { transcriptId: membership.transcriptId, userId: membership.userId } },
    data: { role: options.role },
    include: { user: true },
  });
  domainEvents.emit('membershipChanged', { transcriptId: updated.transcriptId, userId: updated.userId, role: updated.role });
  return presentMember(updated);
}

/**
 * Removes a member and records the removal, so no invitation link (old or new) lets them back in
 * until an owner adds them again by e-mail; the owner cannot be removed.
 */
export async function removeMember(prisma: PrismaClient, options: { transcriptId: string; userId: string }): Promise<void> {
  const membership = await findNonOwnerMembership(prisma, options);
  const key = { transcriptId_userId: { transcriptId: membership.transcriptId, userId: membership.userId } };
  await prisma.$transaction([
    prisma.membership.delete({ where: key }),
    prisma.memberRemoval.upsert({ where: key, create: { transcriptId: membership.transcriptId, userId: membership.userId }, update: { removedAt: new Date() } }),
  ]);
  domainEvents.emit('membershipChanged', { transcriptId: membership.transcriptId, userId: membership.userId, role: null });
}

async function findNonOwnerMembership(prisma: PrismaClient, options: { transcriptId: string; userId: string }) {
  const membership = isUuid(options.userId)
    ? await prisma.membership.findUnique({ where: { transcriptId_userId: { transcriptId: options.transcriptId, userId: options.userId } } })
    : null;
  if (!membership) throw new AppError('not_found', 'No such member on this transcript.');
  if (membership.role === 'owner') throw new AppError('conflict', "The owner's role cannot be changed or removed.");
  return membership;
}
