import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';

/** The search (execute) bit for "others": enough to pass through a folder, not to list or read it. */
const othersSearch = 0o001;

/**
 * Started as root, the embedded PostgreSQL runs as the separate user `postgres`, which must be able to
 * pass through every folder above its cluster. The data folder is Verity's own, so it gets the search
 * bit for others (listing and every file in it stay private: the credentials are 0600, the cluster
 * 0700 and owned by postgres); a folder above it is the user's, so start-up stops with one line saying
 * what to change. Returns what it changed, for the log.
 */
export async function ensureDataDirAccess(dataDir: string, options: { isRoot: boolean }): Promise<string | null> {
  if (!options.isRoot) return null;
  const absolute = path.resolve(dataDir);
  for (const ancestor of ancestorsOf(absolute)) {
    const { mode } = await stat(ancestor);
    if ((mode & othersSearch) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the user "postgres" when Verity runs as root, and it cannot enter ${ancestor} (mode ${octal(mode)}): ` +
          `set VERITY_DATA_DIR to a folder outside it, allow it with "chmod o+x ${ancestor}", run Verity as a normal user, or set DATABASE_URL`,
      );
    }
  }
  const { mode } = await stat(absolute);
  if ((mode & othersSearch) !== 0) return null;
  await chmod(absolute, (mode & 0o7777) | othersSearch);
  return `made ${absolute} enterable by the postgres user (mode ${octal(mode)} → ${octal(mode | othersSearch)}); its contents stay private`;
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
