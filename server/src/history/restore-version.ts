import { AppError, writeTranscriptToDoc, writeTurnToDoc } from '@verity/common';
import type { LiveSessions } from '../collab/live-sessions.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { loadVersion } from './compare-versions.ts';
import { createVersion } from './create-version.ts';

interface RestoreOptions {
  prisma: PrismaClient;
  liveSessions: LiveSessions;
  transcriptId: string;
  number: number;
  actorId: string;
}

/**
 * Restores a whole version as a new change on top, never by rewriting history: the live session
 * stores it under the actor and broadcasts it like any edit, then a `restore` version records it.
 */
export async function restoreVersion(options: RestoreOptions) {
  const { transcript } = await loadVersion(options.prisma, options);
  const seq = await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => writeTranscriptToDoc(doc, transcript));
  const version = await createVersion({ ...options, kind: 'restore', name: `Restored version ${options.number}` });
  return { version, seq };
}

/** Restores one turn of a version (see writeTurnToDoc), as a new attributed change and a `restore` version. */
export async function restoreTurn(options: RestoreOptions & { turnId: string }) {
  const { transcript } = await loadVersion(options.prisma, options);
  if (!transcript.turns.some((turn) => turn.id === options.turnId)) throw new AppError('not_found', `Version ${options.number} has no such turn.`);
  const seq = await options.liveSessions.applyChange(options.transcriptId, options.actorId, (doc) => {
    writeTurnToDoc(doc, transcript, options.turnId);
  });
  const version = await createVersion({ ...options, kind: 'restore', name: `Restored a turn from version ${options.number}` });
  return { version, seq };
}
