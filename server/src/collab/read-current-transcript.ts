import * as Y from 'yjs';
import { readTranscriptDoc, type Transcript } from '@verity/common';
import type { PrismaClient } from '../db/prisma.ts';
import type { LiveSessions } from './live-sessions.ts';
import { PostgresUpdateStore } from './postgres-update-store.ts';
import { buildSeedState } from './build-seed-state.ts';

/**
 * The transcript as it stands now: the open session's document when someone is editing, else the
 * latest checkpoint plus later log rows (seeding the log exactly as a first join would). Never opens
 * a session, so reading does not keep a document in memory.
 */
export async function readCurrentTranscript(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string }): Promise<{ transcript: Transcript; seq: number }> {
  const { prisma, liveSessions, transcriptId } = options;
  const session = await liveSessions?.peek(transcriptId);
  if (session) return { transcript: readTranscriptDoc(session.doc), seq: session.lastSeq };
  const store = new PostgresUpdateStore(prisma, { seed: (id) => buildSeedState(prisma, id) });
  const doc = new Y.Doc();
  try {
    const checkpoint = await store.loadLatest(transcriptId);
    let seq = checkpoint?.uptoSeq ?? 0;
    if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
    for (const row of await store.loadUpdatesAfter(transcriptId, seq)) {
      Y.applyUpdate(doc, row.update);
      seq = row.seq;
    }
    return { transcript: readTranscriptDoc(doc), seq };
  } finally {
    doc.destroy();
  }
}
