import { useState } from 'react';
import { can, measureSpeakers, type Role, type SpeakerStats } from '@verity/common';
import { mergeSpeakers, updateSpeaker } from '../../api/review.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';

/**
 * The speaker roster with each speaker's turns, words and share, counted from the shared document
 * as anyone edits (no refresh). Correctors rename, describe and merge speakers; each change is one
 * attributed edit the server applies to the live document, so every open editor and panel shows it.
 */
export function SpeakersPanel({ transcriptId, myRole, provider }: { transcriptId: string; myRole: Role; provider: LiveTranscriptProvider }) {
  const measured = measureSpeakers(useLiveSnapshot(provider.doc));
  const canEdit = can(myRole, 'manageSpeakers');
  const action = useAsyncAction((change: () => Promise<unknown>) => change());
  const act = (change: () => Promise<unknown>) => void action.run(change);

  return (
    <section className="panel speakers-panel" aria-labelledby="speakers-heading" data-testid="speakers-panel">
      <div className="panel-heading">
        <h2 id="speakers-heading">Speakers</h2>
      </div>
      <p className="muted">{measured.totalWords} words in all.</p>
      <ul className="speaker-list">
        {measured.speakers.map((entry) => (
          <SpeakerItem
            key={entry.speaker.id}
            entry={entry}
            others={measured.speakers.filter((other) => other.speaker.id !== entry.speaker.id)}
            canEdit={canEdit}
            isBusy={action.isPending}
            onSave={(changes) => act(() => updateSpeaker(transcriptId, entry.speaker.id, changes))}
            onMergeInto={(intoId) => act(() => mergeSpeakers(transcriptId, intoId, [entry.speaker.id]))}
          />
        ))}
      </ul>
      <FormError error={action.error} />
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
