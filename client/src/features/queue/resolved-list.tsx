import type { QueueAction, QueueResolution } from '@verity/common';

const actionLabels: Record<QueueAction, string> = {
  confirmed: 'confirmed',
  edited: 'edited',
  speakerApplied: 'gave a speaker',
  merged: 'merged',
  notSamePerson: 'dismissed',
  fixed: 'fixed',
  ignored: 'ignored',
  commentResolved: 'resolved',
};

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The queue's "Resolved" section: who resolved what, how and when, newest first (live for everyone). */
export function ResolvedList({ resolutions }: { resolutions: readonly QueueResolution[] }) {
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
          </li>
        ))}
      </ol>
    </section>
  );
}
