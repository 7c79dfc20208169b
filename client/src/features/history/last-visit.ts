/** Where the browser remembers, per user and transcript, the newest version seen on the last visit. */
function lastVisitKey(userId: string, transcriptId: string): string {
  return `verity:last-visit:${userId}:${transcriptId}`;
}

/**
 * Records this visit and returns the newest version number seen on the previous one (null on a first
 * visit). "Since my last visit" compares from that version to the live text.
 */
export function recordVisit(storage: Pick<Storage, 'getItem' | 'setItem'>, options: { userId: string; transcriptId: string; latestVersion: number }): number | null {
  const key = lastVisitKey(options.userId, options.transcriptId);
  const stored = storage.getItem(key);
  const previous = stored !== null && /^\d+$/.test(stored) ? Number(stored) : null;
  storage.setItem(key, String(options.latestVersion));
  return previous;
}
