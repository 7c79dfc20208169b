import { randomBytes } from 'node:crypto';
import { AppError, roleRank, type GrantableRole, type Invitation } from '@verity/common';
import { hashToken } from '../accounts/sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';

/** Invitation links are valid for a week. */
const invitationTtlMs = 7 * 24 * 3_600_000;

/** Creates an invitation link for a role; only the token's hash is stored. */
export async function createInvitation(
  prisma: PrismaClient,
  options: { transcriptId: string; createdById: string; role: GrantableRole; publicUrl: string },
): Promise<Invitation> {
  const token = randomBytes(24).toString('base64url');
  const invitation = await prisma.invitation.create({
    data: { tokenHash: hashToken(token), transcriptId: options.transcriptId, createdById: options.createdById, role: options.role, expiresAt: new Date(Date.now() + invitationTtlMs) },
    include: { transcript: true, createdBy: true },
  });
  return presentInvitation(invitation, token, options.publicUrl);
}

/** What an invitation offers, for the person holding the link. */
export async function findInvitation(prisma: PrismaClient, options: { token: string; publicUrl: string }): Promise<Invitation> {
  const invitation = await findValidInvitation(prisma, options.token);
  return presentInvitation(invitation, options.token, options.publicUrl);
}

/** Joins the transcript with the invited role; an existing member keeps the higher of the two roles. */
export async function acceptInvitation(prisma: PrismaClient, options: { token: string; userId: string }) {
  const invitation = await findValidInvitation(prisma, options.token);
  const key = { transcriptId_userId: { transcriptId: invitation.transcriptId, userId: options.userId } };
  const existing = await prisma.membership.findUnique({ where: key });
  if (existing && roleRank(existing.role) >= roleRank(invitation.role)) return { transcriptId: invitation.transcriptId, role: existing.role };
  const membership = await prisma.membership.upsert({
    where: key,
    create: { transcriptId: invitation.transcriptId, userId: options.userId, role: invitation.role },
    update: { role: invitation.role },
  });
  return { transcriptId: membership.transcriptId, role: membership.role };
}

async function findValidInvitation(prisma: PrismaClient, token: string) {
  const invitation = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { transcript: true, createdBy: true } });
  if (!invitation || invitation.expiresAt.getTime() < Date.now()) throw new AppError('not_found', 'This invitation link is invalid or has expired.');
  return invitation;
}

function presentInvitation(
  invitation: { role: string; transcriptId: string; expiresAt: Date; transcript: { title: string }; createdBy: { displayName: string } },
  token: string,
  publicUrl: string,
): Invitation {
  return {
    token,
    url: `${publicUrl}/invite/${token}`,
    role: invitation.role as GrantableRole,
    transcriptId: invitation.transcriptId,
    transcriptTitle: invitation.transcript.title,
    invitedBy: invitation.createdBy.displayName,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
