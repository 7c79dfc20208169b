import type * as Y from 'yjs';
import { buildSeedState } from '../collab/build-seed-state.ts';
import { loadCurrentDoc } from '../collab/load-current-doc.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { PostgresUpdateStore } from '../collab/postgres-update-store.ts';
import type { PrismaClient } from '../db/prisma.ts';

/**
 * Runs `read` on the transcript's document as it stands: the open session's (what the people editing
 * see, so an anchor made from their text resolves) or else one loaded like readCurrentTranscript does,
 * never stored and destroyed afterwards. `read` is synchronous and must not write to the document.
 */
export async function withCurrentDoc<T>(options: { prisma: PrismaClient; liveSessions?: LiveSessions; transcriptId: string }, read: (doc: Y.Doc) => T): Promise<T> {
  const { prisma, liveSessions, transcriptId } = options;
  const session = await liveSessions?.peek(transcriptId);
  if (session) return read(session.doc);
  const store = new PostgresUpdateStore(prisma, { seed: (id) => buildSeedState(prisma, id), storesSeed: false });
  const { doc } = await loadCurrentDoc(store, transcriptId);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
