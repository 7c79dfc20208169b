import type { PrismaClient } from '../db/prisma.ts';
import { findMentions } from './find-mentions.ts';

/** The current members a comment's text names with @ (removed members can no longer be mentioned). */
export async function mentionMembers(prisma: PrismaClient, options: { transcriptId: string; body: string }): Promise<string[]> {
  if (!options.body.includes('@')) return [];
  const memberships = await prisma.membership.findMany({ where: { transcriptId: options.transcriptId }, select: { user: { select: { id: true, displayName: true } } } });
  return findMentions(options.body, memberships.map(({ user }) => ({ userId: user.id, displayName: user.displayName })));
}
