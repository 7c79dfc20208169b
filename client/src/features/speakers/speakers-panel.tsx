import { useState } from 'react';
import { can, type Role, type SpeakerStats } from '@verity/common';
import { errorMessage } from '../../api/api-error.ts';
import { listSpeakers, mergeSpeakers, updateSpeaker } from '../../api/review.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';

/**
 * The speaker roster with each speaker's turns, words and share. Correctors rename, describe and
 * merge speakers; each change is one attributed edit the server applies to the live document, so
 * every open editor shows it at once.
 */
export function SpeakersPanel({ transcriptId, myRole }: { transcriptId: string; myRole: Role }) {
  const query = useApiQuery(`speakers:${transcriptId}`, (signal) => listSpeakers(transcriptId, signal));
  const canEdit = can(myRole, 'manageSpeakers');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function act(change: () => ReturnType<typeof listSpeakers>) {
    setIsBusy(true);
    setError(null);
    try {
      query.setData(await change());
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="panel speakers-panel" aria-labelledby="speakers-heading" data-testid="speakers-panel">
      <div className="panel-heading">
        <h2 id="speakers-heading">Speakers</h2>
        <button type="button" className="button button-ghost button-small" onClick={query.reload}>
          Refresh
        </button>
      </div>
      {query.status === 'loading' ? <LoadingState label="Loading speakers…" /> : null}
      {query.status === 'error' ? <ErrorState error={query.error} onRetry={query.reload} /> : null}
      {query.status === 'success' ? (
        <>
          <p className="muted">{query.data.totalWords} words in all.</p>
          <ul className="speaker-list">
            {query.data.speakers.map((entry) => (
              <SpeakerItem
                key={entry.speaker.id}
                entry={entry}
                others={query.data.speakers.filter((other) => other.speaker.id !== entry.speaker.id)}
                canEdit={canEdit}
                isBusy={isBusy}
                onSave={(changes) => act(() => updateSpeaker(transcriptId, entry.speaker.id, changes))}
                onMergeInto={(intoId) => act(() => mergeSpeakers(transcriptId, intoId, [entry.speaker.id]))}
              />
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

interface SpeakerItemProps {
  entry: SpeakerStats;
  others: SpeakerStats[];
  canEdit: boolean;
  isBusy: boolean;
  onSave: (changes: { displayName: string; role: string | null; affiliation: string | null }) => void;
  onMergeInto: (speakerId: string) => void;
}

function SpeakerItem({ entry, others, canEdit, isBusy, onSave, onMergeInto }: SpeakerItemProps) {
  const { speaker } = entry;
  const [isEditing, setIsEditing] = useState(false);
  const [name, setName] = useState(speaker.displayName);
  const [role, setRole] = useState(speaker.role ?? '');
  const [affiliation, setAffiliation] = useState(speaker.affiliation ?? '');
  const [mergeTarget, setMergeTarget] = useState('');

  return (
    <li className="speaker-item" data-testid={`speaker-${speaker.id}`}>
      <div className="speaker-summary">
        <strong>{speaker.displayName}</strong>
        {speaker.role || speaker.affiliation ? <span className="muted"> · {[speaker.role, speaker.affiliation].filter(Boolean).join(', ')}</span> : null}
        <div className="muted speaker-stats">
          {entry.turns} turn{entry.turns === 1 ? '' : 's'} · {entry.words} words · {(entry.share * 100).toFixed(1)} %
        </div>
      </div>
      {canEdit && !isEditing ? (
        <button type="button" className="button button-ghost button-small" onClick={() => setIsEditing(true)} aria-label={`Edit ${speaker.displayName}`}>
          Edit
        </button>
      ) : null}
      {isEditing ? (
        <form
          className="speaker-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSave({ displayName: name.trim(), role: role.trim() || null, affiliation: affiliation.trim() || null });
            setIsEditing(false);
          }}
        >
          <label className="field">
            <span className="field-label">Name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} required />
          </label>
          <label className="field">
            <span className="field-label">Role</span>
            <input value={role} onChange={(event) => setRole(event.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Affiliation</span>
            <input value={affiliation} onChange={(event) => setAffiliation(event.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary button-small" disabled={isBusy || name.trim() === ''}>
              Save
            </button>
            <button type="button" className="button button-ghost button-small" onClick={() => setIsEditing(false)}>
              Cancel
            </button>
          </div>
          {others.length > 0 ? (
            <div className="speaker-merge">
              <label className="field">
                <span className="field-label">Same person as…</span>
                <select value={mergeTarget} onChange={(event) => setMergeTarget(event.target.value)}>
                  <option value="">Choose a speaker</option>
                  {others.map((other) => (
                    <option key={other.speaker.id} value={other.speaker.id}>
                      {other.speaker.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={isBusy || mergeTarget === ''}
                onClick={() => {
                  onMergeInto(mergeTarget);
                  setIsEditing(false);
                }}
              >
                Merge into them ({entry.turns} turn{entry.turns === 1 ? '' : 's'} move)
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
