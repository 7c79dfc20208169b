import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { assertNotThrottled, clearLoginFailures, loginThrottleKeys, recordLoginFailure } from './login-throttle.ts';
import { unknownUserHash, verifyPassword } from './password-hashing.ts';

/** Checks e-mail and password under the login throttle; one message for every failure so accounts are not revealed. */
export async function authenticate(prisma: PrismaClient, options: { email: string; password: string; clientAddress: string }) {
  const keys = loginThrottleKeys(options.email, options.clientAddress);
  await assertNotThrottled(prisma, keys);
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  const isValid = await verifyPassword(user?.passwordHash ?? (await unknownUserHash()), options.password);
  if (!user || !isValid) {
    await recordLoginFailure(prisma, keys);
    throw new AppError('unauthenticated', 'Wrong e-mail or password.');
  }
  await clearLoginFailures(prisma, keys[0]!.key);
  return user;
}
