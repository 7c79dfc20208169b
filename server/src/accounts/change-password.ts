import { AppError } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { hashPassword, verifyPassword } from './password-hashing.ts';
import { deleteOtherSessions } from './sessions.ts';

/** Changes a password after checking the current one, and signs out the user's other sessions. */
export async function changePassword(
  prisma: PrismaClient,
  options: { userId: string; currentPassword: string; newPassword: string; keepSessionToken?: string },
): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: options.userId } });
  if (!(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new AppError('validation_failed', 'currentPassword: is not your current password');
  }
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(options.newPassword) } });
  await deleteOtherSessions(prisma, { userId: user.id, keepToken: options.keepSessionToken });
}

/** Sets a new password without the old one (administrators, through the CLI); ends every session. */
export async function resetPassword(prisma: PrismaClient, options: { email: string; newPassword: string }): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email: options.email } });
  if (!user) throw new AppError('not_found', `No account with the e-mail ${options.email}.`);
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(options.newPassword) } });
  await deleteOtherSessions(prisma, { userId: user.id });
}
