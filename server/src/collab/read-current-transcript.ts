import { readTranscriptDoc, type Transcript } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import { buildSeedState } from './build-seed-state.ts';
import { loadCurrentDoc } from './load-current-doc.ts';
import type { LiveSessions } from './live-sessions.ts';
import { PostgresUpdateStore } from './postgres-update-store.ts';

/**
 * The transcript as it stands now: the open session's document when someone is editing, else the
 * shared loader's (latest checkpoint plus later log rows). Never opens a session and never writes
 * (a never-opened transcript's seed is built, not stored), so reading keeps nothing in memory.
 */
export async function readCurrentTranscript(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string }): Promise<{ transcript: Transcript; seq: number }> {
  const { prisma, liveSessions, transcriptId } = options;
  const session = await liveSessions?.peek(transcriptId);
  if (session) return { transcript: readTranscriptDoc(session.doc), seq: session.lastSeq };
  const store = new PostgresUpdateStore(prisma, { seed: (id) => buildSeedState(prisma, id), storesSeed: false });
  const { doc, lastSeq } = await loadCurrentDoc(store, transcriptId);
  try {
    return { transcript: readTranscriptDoc(doc), seq: lastSeq };
  } finally {
    doc.destroy();
  }
}
