import { AppError } from '@verity/common';
import { Prisma, type PrismaClient } from '../db/prisma.ts';
import { hashPassword } from './password-hashing.ts';

/** Creates an account; a taken e-mail is a conflict, not a crash. */
export async function createUser(
  prisma: PrismaClient | Prisma.TransactionClient,
  options: { email: string; displayName: string; password: string; isAdmin?: boolean },
) {
  const passwordHash = await hashPassword(options.password);
  try {
    return await prisma.user.create({
      data: { email: options.email, displayName: options.displayName, passwordHash, isAdmin: options.isAdmin ?? false },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', 'An account with this e-mail already exists.');
    }
    throw error;
  }
}
