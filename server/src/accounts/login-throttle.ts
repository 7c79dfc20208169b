import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/**
 * Failures within fifteen minutes lock a key for fifteen minutes: five for one account, fifty for one
 * client address (many people can share an address behind a NAT; one attacker can try many accounts).
 */
export const throttlePolicy = { windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** A throttled identity: `email:…` or `address:…`, with how many failures it may have. */
export interface ThrottleKey {
  key: string;
  maxFailures: number;
}

/** The keys one sign-in attempt counts against. */
export function loginThrottleKeys(email: string, clientAddress: string): ThrottleKey[] {
  return [
    { key: `email:${email}`, maxFailures: 5 },
    { key: `address:${clientAddress}`, maxFailures: 50 },
  ];
}

/** Throws rate_limited while any of the keys (e-mail, client address) is locked. */
export async function assertNotThrottled(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const locked = await prisma.loginThrottle.findFirst({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } } });
  if (locked?.lockedUntil) {
    const minutes = Math.ceil((locked.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('rate_limited', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

/** Counts a failure against every key; the count restarts when the window has passed. */
export async function recordLoginFailure(prisma: PrismaClient, keys: ThrottleKey[], now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMs);
  for (const { key, maxFailures } of keys) {
    // One statement per key, so concurrent failures cannot lose counts.
    await prisma.$executeRaw`
      INSERT INTO login_throttles (key, failures, first_failure_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttles.first_failure_at < ${windowStart} THEN 1 ELSE login_throttles.failures + 1 END,
        first_failure_at = CASE WHEN login_throttles.first_failure_at < ${windowStart} THEN ${now} ELSE login_throttles.first_failure_at END,
        locked_until = CASE
          WHEN login_throttles.first_failure_at >= ${windowStart} AND login_throttles.failures + 1 >= ${maxFailures}
          THEN ${new Date(now.getTime() + throttlePolicy.lockMs)} ELSE login_throttles.locked_until END`;
  }
}

/** A successful sign-in forgives the e-mail's failures (not the address's: one person must not unlock an attacker). */
export async function clearLoginFailures(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}
