import type { PrismaClient } from '../db/prisma.ts';
import { buildSeedState } from './build-seed-state.ts';
import { checkUpdateLayout } from './check-update-layout.ts';
import { repairTranscriptLayout } from './repair-transcript-layout.ts';
import { LiveSessions } from './live-sessions.ts';
import { normalizeTouchedBlocks } from './normalize-transcript-doc.ts';
import { PostgresUpdateStore } from './postgres-update-store.ts';

/**
 * The production registry: Postgres-backed sessions seeded from the latest version, with normalization
 * of the blocks each update touched. `keepIdleMs` (the server passes 30 s; tests keep the default 0)
 * keeps an empty session loaded a while, so reloading a 4-hour transcript skips its load and repair.
 */
export function createLiveSessions(prisma: PrismaClient, { keepIdleMs = 0 }: { keepIdleMs?: number } = {}): LiveSessions {
  return new LiveSessions({ store: createUpdateStore(prisma), normalize: normalizeTouchedBlocks, checkUpdate: checkUpdateLayout, repairOnLoad: repairTranscriptLayout, keepIdleMs });
}

/** The production update store, seeding never-edited transcripts from their latest version. */
export function createUpdateStore(prisma: PrismaClient): PostgresUpdateStore {
  return new PostgresUpdateStore(prisma, { seed: (transcriptId) => buildSeedState(prisma, transcriptId) });
}
