import type { QueueAction, QueueResolution } from '@verity/common';

type Row = { id: bigint; itemKey: string; kind: string; action: string; isDismissal: boolean; label: string; createdAt: Date; user: { id: string; displayName: string } };

/** A queue_resolutions row as members see it: what was resolved, how, by whom and when. */
export function presentQueueResolution(row: Row): QueueResolution {
  return {
    id: row.id.toString(),
    itemKey: row.itemKey,
    kind: row.kind as QueueResolution['kind'],
    action: row.action as QueueAction,
    isDismissal: row.isDismissal,
    label: row.label,
    by: { id: row.user.id, displayName: row.user.displayName },
    at: row.createdAt.toISOString(),
  };
}
