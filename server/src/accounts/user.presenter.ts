import type { User } from '@verity/common';

/** The fields of a user row that may leave the server. */
export function presentUser(user: { id: string; email: string; displayName: string; isAdmin: boolean }): User {
  return { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin };
}
