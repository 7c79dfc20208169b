import { z } from 'zod';

/** A member's role on one transcript; each grants everything the ones before it grant, except approval. */
export const roles = ['viewer', 'editor', 'reviewer', 'owner'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** A role's place in `roles`: higher grants more. */
export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

/** What a role may do on a transcript: the single table every route and socket event consults. */
export const permissions = {
  read: ['viewer', 'editor', 'reviewer', 'owner'],
  correct: ['editor', 'reviewer', 'owner'],
  /** Rename, merge and describe speakers: a correction of the roster. */
  manageSpeakers: ['editor', 'reviewer', 'owner'],
  /** Attach, replace or detach the transcript's recording (everyone who reads may play it). */
  attachMedia: ['editor', 'reviewer', 'owner'],
  /** Start, reply to, resolve and reopen comments (everyone who reads sees them; only authors edit their text). */
  comment: ['editor', 'reviewer', 'owner'],
  /** Move a draft to in_review. */
  submitForReview: ['editor', 'reviewer', 'owner'],
  /** Approve an in_review transcript, or send it back to draft with a comment. */
  approve: ['reviewer', 'owner'],
  /** Download any version in any format; viewers included (an approved record is meant to be read). */
  export: ['viewer', 'editor', 'reviewer', 'owner'],
  /** Attach or detach term lists (glossaries) the owner owns: the transcript's owner only. */
  attachGlossaries: ['owner'],
  manageMembers: ['owner'],
  manageTranscript: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** True when `role` grants `permission`. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (permissions[permission] as readonly Role[]).includes(role);
}
