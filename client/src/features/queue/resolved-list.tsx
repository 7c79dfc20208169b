import type { QueueAction, QueueResolution } from '@verity/common';

interface ResolvedListProps {
  resolutions: readonly QueueResolution[];
  /** Keys hidden now: their dismissal offers Restore. */
  dismissed: ReadonlySet<string>;
  canEdit: boolean;
  isBusy: boolean;
  onRestore: (resolution: QueueResolution) => void;
}

const actionLabels: Record<QueueAction, string> = {
  confirmed: 'confirmed',
  edited: 'edited',
  speakerApplied: 'gave a speaker',
  merged: 'merged',
  notSamePerson: 'dismissed',
  fixed: 'fixed',
  ignored: 'ignored',
  commentResolved: 'resolved',
  restored: 'restored',
};

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/**
 * The queue's "Resolved" section: who resolved what, how and when, newest first (live for everyone).
 * A dismissal still in force offers Restore, which shows its item to everyone again.
 */
export function ResolvedList({ resolutions, dismissed, canEdit, isBusy, onRestore }: ResolvedListProps) {
  // Only the newest dismissal of a key offers Restore (older ones were restored and dismissed again).
  const newestDismissal = new Map<string, string>();
  for (const resolution of resolutions) if (resolution.isDismissal && !newestDismissal.has(resolution.itemKey)) newestDismissal.set(resolution.itemKey, resolution.id);
  if (resolutions.length === 0) return null;
  return (
    <section className="queue-resolved" aria-labelledby="queue-resolved-heading">
      <h3 id="queue-resolved-heading" className="queue-resolved-heading">
        Resolved ({resolutions.length})
      </h3>
      <ol className="queue-items" data-testid="queue-resolved">
        {resolutions.map((resolution) => (
          <li key={resolution.id} className="queue-item" data-testid="queue-resolved-entry" data-action={resolution.action}>
            <div className="find-hit-body">
              <span className="find-hit-where muted">
                {resolution.by.displayName} {actionLabels[resolution.action]} · <time dateTime={resolution.at}>{time.format(new Date(resolution.at))}</time>
              </span>
              <span className="find-hit-text">{resolution.label}</span>
            </div>
            {canEdit && resolution.isDismissal && dismissed.has(resolution.itemKey) && newestDismissal.get(resolution.itemKey) === resolution.id ? (
              <button type="button" className="button button-ghost button-small" disabled={isBusy} onClick={() => onRestore(resolution)} data-testid="queue-restore">
                Restore
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
