import { useEffect, useRef, useState } from 'react';
import { describeStats, describeTiming, type CompareResponse, type VersionSummary } from '@verity/common';
import { compareVersions, restoreTurn } from '../../api/history.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { isTypingTarget } from '../../components/is-typing-target.ts';

type Change = CompareResponse['changes'][number];
type Mode = 'inline' | 'side';

interface CompareViewProps {
  transcriptId: string;
  versions: VersionSummary[];
  initialFrom: number;
  /** The newest version when this user last opened the transcript, for "since my last visit". */
  lastVisitVersion: number | null;
  canRestore: boolean;
  onRestored: (message: string) => void;
}


/**
 * Any two versions side by side or inline, word by word, with who edited each turn in between.
 * n / p jump to the next / previous change. Words are rendered as text, never as HTML.
 */
export function CompareView({ transcriptId, versions, initialFrom, lastVisitVersion, canRestore, onRestored }: CompareViewProps) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState<number | 'current'>('current');
  const [mode, setMode] = useState<Mode>('inline');
  const [author, setAuthor] = useState('');
  const [active, setActive] = useState(0);
  const [generation, setGeneration] = useState(0);
  const query = useApiQuery(`compare:${transcriptId}:${from}:${to}:${generation}`, (signal) => compareVersions(transcriptId, from, to, signal));
  const listRef = useRef<HTMLOListElement>(null);

  const comparison = query.status === 'success' ? query.data : null;
  const changes = comparison ? comparison.changes.filter((change) => !author || (comparison.authorsByTurn[change.turnId] ?? []).includes(author)) : [];
  const names = new Map(comparison?.people.map((person) => [person.id, person.displayName]) ?? []);

  useEffect(() => {
    function handleKey(event: KeyboardEvent) {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== 'n' && event.key !== 'p') return;
      event.preventDefault();
      setActive((current) => {
        const next = Math.max(0, Math.min(changes.length - 1, current + (event.key === 'n' ? 1 : -1)));
        listRef.current?.children[next]?.scrollIntoView({ block: 'nearest' });
        return next;
      });
    }
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [changes.length]);

  const restore = useAsyncAction((change: Change) => restoreTurn(transcriptId, from, change.turnId));
  async function handleRestoreTurn(change: Change) {
    if (to !== 'current' && !window.confirm('Restore this turn as it was in the older version?')) return;
    if (!(await restore.run(change)).ok) return;
    onRestored(`Turn ${change.number} restored from version ${from}.`);
    setGeneration((n) => n + 1);
  }

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-controls">
        <label>
          From{' '}
          <select value={from} onChange={(event) => setFrom(Number(event.target.value))} aria-label="Compare from version">
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                v{version.number} {version.name ?? version.kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          To{' '}
          <select value={String(to)} onChange={(event) => setTo(event.target.value === 'current' ? 'current' : Number(event.target.value))} aria-label="Compare to version">
            <option value="current">Now (live text)</option>
            {versions.map((version) => (
              <option key={version.number} value={version.number}>
                v{version.number} {version.name ?? version.kind}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            setFrom(0);
            setTo('current');
          }}
        >
          Raw import vs now
        </button>
        {lastVisitVersion !== null ? (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => {
              setFrom(lastVisitVersion);
              setTo('current');
            }}
          >
            Since my last visit
          </button>
        ) : null}
        <button type="button" className="button button-ghost button-small" aria-pressed={mode === 'side'} onClick={() => setMode(mode === 'inline' ? 'side' : 'inline')}>
          {mode === 'inline' ? 'Side by side' : 'Inline'}
        </button>
        {comparison && comparison.people.length > 0 ? (
          <label>
            Author{' '}
            <select value={author} onChange={(event) => setAuthor(event.target.value)} aria-label="Filter by author">
              <option value="">Everyone</option>
              {comparison.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {query.status === 'loading' ? <LoadingState label="Comparing…" /> : null}
      <PanelError error={query.error} onRetry={query.reload} />
      <PanelError error={restore.error} onDismiss={restore.reset} />
      {comparison ? (
        <>
          <p className="muted">
            {changes.length} changed turn{changes.length === 1 ? '' : 's'} · {describeStats(comparison.stats)} · press n / p to move between changes
          </p>
          {comparison.speakerRenames.map((rename) => (
            <p key={rename.id} className="compare-rename">
              Speaker {rename.from} → {rename.to}
            </p>
          ))}
          <ol className="compare-changes" ref={listRef}>
            {changes.map((change, index) => (
              <ChangeCard
                key={`${change.kind}:${change.turnId}`}
                change={change}
                mode={mode}
                isActive={index === active}
                authors={(comparison.authorsByTurn[change.turnId] ?? []).map((id) => names.get(id) ?? 'Former member')}
                canRestore={canRestore && change.kind !== 'added' && change.kind !== 'split'}
                onRestore={() => void handleRestoreTurn(change)}
              />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

const kindText: Record<Change['kind'], string> = { changed: 'changed', added: 'added', removed: 'removed', split: 'split off', merged: 'merged' };

function ChangeCard({ change, mode, isActive, authors, canRestore, onRestore }: { change: Change; mode: Mode; isActive: boolean; authors: string[]; canRestore: boolean; onRestore: () => void }) {
  const speaker = change.isSpeakerChanged ? `${change.fromSpeaker?.name ?? 'Unattributed'} → ${change.toSpeaker?.name ?? 'Unattributed'}` : (change.toSpeaker ?? change.fromSpeaker)?.name;
  return (
    <li className={`compare-change${isActive ? ' is-active' : ''}`} data-testid="compare-change" aria-current={isActive ? 'true' : undefined}>
      <div className="compare-change-heading">
        <strong>Turn {change.number}</strong> · {kindText[change.kind]} · <span className={change.isSpeakerChanged ? 'speaker-change' : undefined}>{speaker}</span>
        {authors.length > 0 ? <span className="muted compare-authors"> · edited by {authors.join(', ')}</span> : null}
        {canRestore ? (
          <button type="button" className="button button-ghost button-small" data-testid="restore-turn" onClick={onRestore}>
            Restore turn
          </button>
        ) : null}
      </div>
      {mode === 'inline' ? (
        <p className="compare-text">
          <Parts parts={change.parts} show={['equal', 'delete', 'insert']} />
        </p>
      ) : (
        <div className="compare-sides">
          <p className="compare-text">
            <Parts parts={change.parts} show={['equal', 'delete']} />
          </p>
          <p className="compare-text">
            <Parts parts={change.parts} show={['equal', 'insert']} />
          </p>
        </div>
      )}
      {[...(change.isTimingChanged ? [describeTiming(change, 'the turn')] : []), ...change.uncertainResolved.map((span) => `resolved ${span}`), ...change.eventsAdded.map((event) => `added ${event}`), ...change.eventsRemoved.map((event) => `removed ${event}`)].map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
    </li>
  );
}

function Parts({ parts, show }: { parts: Change['parts']; show: Change['parts'][number]['type'][] }) {
  return (
    <>
      {parts
        .filter((part) => show.includes(part.type))
        .map((part, index) => {
          const text = `${index > 0 ? ' ' : ''}${part.text}`;
          if (part.type === 'equal') return <span key={index}>{text}</span>;
          const Tag = part.type === 'insert' ? 'ins' : 'del';
          return (
            <Tag key={index} className={`diff-${part.type}`} data-testid={`diff-${part.type}`}>
              {text}
            </Tag>
          );
        })}
    </>
  );
}
