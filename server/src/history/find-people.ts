import type { Person } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/** Display names for user ids (ids of deleted accounts are simply absent). */
export async function findPeople(prisma: PrismaClient, ids: Iterable<string | null>): Promise<Map<string, Person>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((user) => [user.id, { id: user.id, displayName: user.displayName }]));
}
