import type { GrantableRole, Invitation, InvitationLink, InvitationState, Role } from '@verity/common';

/** The columns both presenters read. */
interface InvitationRow {
  id: string;
  role: string;
  transcriptId: string;
  createdAt: Date;
  expiresAt: Date;
  maxUses: number;
  useCount: number;
  revokedAt: Date | null;
  createdBy: { displayName: string };
}

/** Whether a link still admits anyone; revoked wins over used up, which wins over expired. */
export function invitationState(row: Pick<InvitationRow, 'revokedAt' | 'useCount' | 'maxUses' | 'expiresAt'>, now = Date.now()): InvitationState {
  if (row.revokedAt) return 'revoked';
  if (row.useCount >= row.maxUses) return 'used_up';
  if (row.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

/** A link for the person holding its token: the token is echoed, never read from the database. */
export function presentInvitation(
  row: InvitationRow & { transcript: { title: string } },
  options: { token: string; publicUrl: string; memberRole: Role | null },
): Invitation {
  return {
    token: options.token,
    url: `${options.publicUrl}/invite/${options.token}`,
    role: row.role as GrantableRole,
    transcriptId: row.transcriptId,
    transcriptTitle: row.transcript.title,
    invitedBy: row.createdBy.displayName,
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    uses: row.useCount,
    memberRole: options.memberRole,
  };
}

/** A link in its owner's list. */
export function presentInvitationLink(row: InvitationRow): InvitationLink {
  return {
    id: row.id,
    role: row.role as GrantableRole,
    createdBy: row.createdBy.displayName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    maxUses: row.maxUses,
    uses: row.useCount,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: invitationState(row),
  };
}
