import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { createUser } from './create-user.ts';

/** Lock key for first-run setup: two simultaneous setup requests must not both create an admin. */
const setupLockKey = 7_202_611;

/** True until the first account exists. */
export async function isSetupNeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/** First-run setup: creates the administrator account, once. */
export async function setupOwner(prisma: PrismaClient, options: { email: string; displayName: string; password: string }) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${setupLockKey})`;
    if ((await tx.user.count()) > 0) throw new AppError('conflict', 'Verity is already set up; sign in instead.');
    return createUser(tx, { ...options, isAdmin: true });
  });
}
