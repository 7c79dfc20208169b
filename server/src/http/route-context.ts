import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';

/** What every router needs: built once in createApp and passed down. */
export interface RouteContext {
  prisma: PrismaClient;
  config: Config;
}
