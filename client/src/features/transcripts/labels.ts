import type { GrantableRole, Role, TranscriptStatus } from '@verity/common';

/** How each status reads in the UI. */
export const statusLabels: Record<TranscriptStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
};

/** How each role reads in the UI. */
export const roleLabels: Record<Role, string> = {
  viewer: 'Viewer',
  editor: 'Editor',
  reviewer: 'Reviewer',
  owner: 'Owner',
};

/** One line on what a role allows, shown where roles are granted. */
export const roleDescriptions: Record<GrantableRole, string> = {
  viewer: 'can read',
  editor: 'can read and correct',
  reviewer: 'can correct and approve',
};

/** The roles an owner can hand out, in increasing order of trust. */
export const grantableRoles: readonly GrantableRole[] = ['viewer', 'editor', 'reviewer'];
