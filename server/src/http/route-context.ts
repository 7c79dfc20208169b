import type { LiveSessions } from '../collab/live-sessions.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { ParsePool } from '../imports/parse-pool.ts';
import type { MediaStore } from '../media/media-store.ts';

/** What every router needs: built once in createApp and passed down. */
export interface RouteContext {
  prisma: PrismaClient;
  config: Config;
  /** The open live documents: server-side changes (speakers) go through them, reads prefer them. */
  liveSessions: LiveSessions;
  /** Import and preview parse here, off the event loop, within the configured time budget. */
  parsePool: ParsePool;
  /** Recordings: uploads in progress and content-addressed files (server/src/media). */
  mediaStore: MediaStore;
}
