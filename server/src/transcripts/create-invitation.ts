import { randomBytes } from 'node:crypto';
import type { GrantableRole, Invitation, Role } from '@verity/common';
import { hashToken } from '../accounts/sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { presentInvitation } from './invitation.presenter.ts';

/** Invitation links are valid for a week. */
export const invitationTtlMs = 7 * 24 * 3_600_000;

/** Creates an invitation link for a role and a number of uses; only the token's hash is stored. */
export async function createInvitation(
  prisma: PrismaClient,
  options: { transcriptId: string; createdById: string; creatorRole: Role; role: GrantableRole; maxUses: number; publicUrl: string },
): Promise<Invitation> {
  const token = randomBytes(24).toString('base64url');
  const row = await prisma.invitation.create({
    data: {
      tokenHash: hashToken(token),
      transcriptId: options.transcriptId,
      createdById: options.createdById,
      role: options.role,
      maxUses: options.maxUses,
      expiresAt: new Date(Date.now() + invitationTtlMs),
    },
    include: { transcript: true, createdBy: true },
  });
  return presentInvitation(row, { token, publicUrl: options.publicUrl, memberRole: options.creatorRole });
}
