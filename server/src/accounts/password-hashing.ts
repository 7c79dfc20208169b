import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (OWASP-recommended memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time comparison inside argon2; a malformed stored hash counts as a mismatch. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of nothing anyone knows: verifying against it when the e-mail is unknown makes a
 * failed login take as long as a wrong password, so response times do not reveal accounts.
 */
export function unknownUserHash(): Promise<string> {
  // Made on first use, not at import: every CLI command imports this module and most never sign in.
  placeholderHash ??= hash('verity-unknown-user-placeholder');
  return placeholderHash;
}

let placeholderHash: Promise<string> | undefined;
