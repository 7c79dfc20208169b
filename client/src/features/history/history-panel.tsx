import { useEffect, useState, type FormEvent } from 'react';
import { can, describeStats, type Role, type VersionSummary } from '@verity/common';
import { createNamedVersion, listActivity, listVersions, restoreVersion } from '../../api/history.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';
import { usePanelVisible } from '../workspace/panel-visibility.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { CompareView } from './compare-view.tsx';
import { CorrectionsList } from './corrections-list.tsx';
import { BlameToggle } from './blame-overlay.tsx';
import { formatClock, kindLabels } from './history-labels.ts';
import { recordVisit } from './last-visit.ts';
import { useCurrentUser } from '../auth/session-context.tsx';

type Tab = 'versions' | 'activity' | 'compare' | 'corrections';

/**
 * The transcript's history: its versions (who contributed, what changed), the activity feed, and a
 * compare view between any two versions or a version and the live text. Correctors can name the
 * current text as a version and restore a whole version or one turn; restoring adds a change on top.
 * Live: versions are re-read when the server says one was saved, the feed shortly after any edit.
 */
export function HistoryPanel({ transcriptId, myRole, provider }: { transcriptId: string; myRole: Role; provider: LiveTranscriptProvider }) {
  const versions = useApiQuery(`versions:${transcriptId}`, (signal) => listVersions(transcriptId, signal));
  useLiveChanges(provider, ['versions'], versions.reload);
  const [tab, setTab] = useState<Tab>('versions');
  const [compareFrom, setCompareFrom] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canCorrect = can(myRole, 'correct');
  const user = useCurrentUser();
  // undefined until this visit is recorded: once per page visit, keeping what was newest last time.
  const [lastVisitVersion, setLastVisitVersion] = useState<number | null | undefined>(undefined);
  const latestVersion = versions.status === 'success' ? (versions.data[0]?.number ?? 0) : null;
  useEffect(() => {
    if (latestVersion === null || lastVisitVersion !== undefined) return;
    setLastVisitVersion(recordVisit(window.localStorage, { userId: user.id, transcriptId, latestVersion }));
  }, [latestVersion, lastVisitVersion, transcriptId, user.id]);

  function openCompare(from: number) {
    setCompareFrom(from);
    setTab('compare');
  }

  const restore = useAsyncAction((version: VersionSummary) => restoreVersion(transcriptId, version.number));
  async function handleRestore(version: VersionSummary) {
    if (!window.confirm(`Restore version ${version.number}? Your current text stays in the history; the restore is added on top.`)) return;
    setMessage(null);
    if (!(await restore.run(version)).ok) return;
    setMessage(`Version ${version.number} restored.`);
    versions.reload();
  }

  const latest = versions.status === 'success' ? versions.data[0]?.number ?? 0 : 0;
  return (
    <section className="panel history-panel" aria-labelledby="history-heading" data-testid="history-panel">
      <div className="panel-heading">
        <h2 id="history-heading">History</h2>
      </div>
      <BlameToggle />
      <div className="history-tabs" role="tablist" aria-label="History views">
        {(['versions', 'activity', 'compare', 'corrections'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={`history-tab${tab === name ? ' is-active' : ''}`} onClick={() => setTab(name)}>
            {name === 'versions' ? 'Versions' : name === 'activity' ? 'Activity' : name === 'compare' ? 'Compare' : 'Corrections'}
          </button>
        ))}
      </div>
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
      <PanelError error={restore.error} onDismiss={restore.reset} />
      {tab === 'versions' ? (
        <>
          {canCorrect ? <NameVersionForm transcriptId={transcriptId} onCreated={versions.reload} /> : null}
          {versions.status === 'loading' ? <LoadingState label="Loading versions…" /> : null}
          <PanelError error={versions.error} onRetry={versions.reload} />
          {versions.status === 'success' ? (
            <ol className="version-list">
              {versions.data.map((version) => (
                <VersionRow key={version.number} version={version} canRestore={canCorrect} onCompare={() => openCompare(version.number)} onRestore={() => void handleRestore(version)} />
              ))}
            </ol>
          ) : null}
        </>
      ) : null}
      {tab === 'activity' ? <ActivityFeed transcriptId={transcriptId} provider={provider} /> : null}
      {tab === 'corrections' ? <CorrectionsList provider={provider} canClassify={canCorrect} /> : null}
      {tab === 'compare' ? (
        <CompareView
          transcriptId={transcriptId}
          versions={versions.status === 'success' ? versions.data : []}
          initialFrom={compareFrom ?? latest}
          lastVisitVersion={lastVisitVersion ?? null}
          canRestore={canCorrect}
          onRestored={(text) => {
            setMessage(text);
            versions.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function VersionRow({ version, canRestore, onCompare, onRestore }: { version: VersionSummary; canRestore: boolean; onCompare: () => void; onRestore: () => void }) {
  const title = version.name ?? kindLabels[version.kind];
  return (
    <li className="version-row" data-testid="version-row">
      <div className="version-title">
        <strong>
          v{version.number} · {title}
        </strong>
        <span className="muted"> · {kindLabels[version.kind]}</span>
      </div>
      <div className="muted">
        <RelativeTime value={version.createdAt} /> by {version.createdBy.displayName}
      </div>
      {version.contributors.length > 0 ? <div className="version-contributors">Edits by {version.contributors.map((person) => person.displayName).join(', ')}</div> : null}
      {version.stats ? <div className="muted version-stats">{describeStats(version.stats)}</div> : null}
      {version.note ? <div className="version-note">{version.note}</div> : null}
      <div className="version-actions">
        <button type="button" className="button button-ghost button-small" onClick={onCompare}>
          Compare with now
        </button>
        {canRestore ? (
          <button type="button" className="button button-ghost button-small" onClick={onRestore}>
            Restore
          </button>
        ) : null}
      </div>
    </li>
  );
}

function NameVersionForm({ transcriptId, onCreated }: { transcriptId: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const action = useAsyncAction((versionName: string) => createNamedVersion(transcriptId, versionName));
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if ((await action.run(name.trim())).ok) {
      setName('');
      onCreated();
    }
  }
  return (
    <form className="name-version-form" onSubmit={(event) => void handleSubmit(event)}>
      <label className="visually-hidden" htmlFor="version-name">
        Version name
      </label>
      <input id="version-name" value={name} maxLength={200} placeholder="Name this version" onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button button-secondary button-small" disabled={!name.trim() || action.isPending}>
        Save version
      </button>
      <PanelError error={action.error} onDismiss={action.reset} />
    </form>
  );
}

/** After an edit, the feed is re-read once things are quiet for this long (it replays the log). */
const activityRefreshMs = 800;

function ActivityFeed({ transcriptId, provider }: { transcriptId: string; provider: LiveTranscriptProvider }) {
  const activity = useApiQuery(`activity:${transcriptId}`, (signal) => listActivity(transcriptId, signal));
  const { reload } = activity;
  useLiveChanges(provider, ['versions'], reload);
  // The feed replays the log on the server: re-read it after edits only while it is on screen,
  // and once when it comes back into view.
  const isVisible = usePanelVisible();
  const [wasVisible, setWasVisible] = useState(isVisible);
  if (wasVisible !== isVisible) {
    setWasVisible(isVisible);
    if (isVisible) reload();
  }
  useEffect(() => {
    if (!isVisible) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The server stores an edit before acknowledging it, so a re-read after a quiet moment includes it.
    const handle = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, activityRefreshMs);
    };
    provider.doc.on('update', handle);
    return () => {
      provider.doc.off('update', handle);
      if (timer) clearTimeout(timer);
    };
  }, [provider, reload, isVisible]);
  if (activity.status === 'loading') return <LoadingState label="Loading activity…" />;
  if (activity.status === 'error') return <PanelError error={activity.error} onRetry={activity.reload} />;
  if (activity.data.entries.length === 0) return <p className="muted">No edits yet.</p>;
  return (
    <ol className="activity-feed" data-testid="activity-feed">
      {activity.data.entries.map((entry) => (
        <li key={`${entry.fromSeq}-${entry.toSeq}`} className="activity-entry" data-testid="activity-entry">
          {entry.summary} <span className="muted">· {formatClock(entry.endedAt)}</span>
        </li>
      ))}
    </ol>
  );
}
