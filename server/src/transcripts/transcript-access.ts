import { AppError, can, type Permission, type Role } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';

/** A user's standing on one transcript. */
export interface TranscriptAccess {
  transcriptId: string;
  userId: string;
  role: Role;
}

/**
 * The single authorization check for transcripts. Non-members get not_found, never forbidden,
 * so the existence of a transcript does not leak; members lacking the permission get forbidden.
 */
export async function requireTranscriptAccess(
  prisma: PrismaClient,
  options: { transcriptId: string; userId: string; permission: Permission },
): Promise<TranscriptAccess> {
  const membership = isUuid(options.transcriptId)
    ? await prisma.membership.findUnique({ where: { transcriptId_userId: { transcriptId: options.transcriptId, userId: options.userId } } })
    : null;
  if (!membership) throw new AppError('not_found', 'Transcript not found.');
  if (!can(membership.role, options.permission)) {
    throw new AppError('forbidden', `Your role (${membership.role}) does not allow this on this transcript.`);
  }
  return { transcriptId: membership.transcriptId, userId: membership.userId, role: membership.role };
}

/** Ids are UUIDs; anything else cannot exist, and must not reach a uuid column as a query error. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
