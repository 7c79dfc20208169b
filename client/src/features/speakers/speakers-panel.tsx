import { useState } from 'react';
import { can, measureSpeakers, type Role, type SpeakerStats } from '@verity/common';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { useSpeakerEdits } from './use-speaker-edits.ts';
import { UndoNotice } from '../../components/undo-notice.tsx';

interface SpeakersPanelProps {
  myRole: Role;
  provider: LiveTranscriptProvider;
  /** The bound editor, whose undo history takes the panel's changes; null until it is ready. */
  editor: TranscriptEditor | null;
}

/**
 * The speaker roster with each speaker's turns, words and share, counted from the shared document
 * as anyone edits (no refresh). Correctors rename, describe and merge speakers on their live copy:
 * each change is their own attributed edit that every open editor and panel shows at once, and
 * Ctrl+Z in the text (or Undo here) reverts a merge as one step. Viewers see the roster only (the
 * server refuses their document updates anyway).
 */
export function SpeakersPanel({ myRole, provider, editor }: SpeakersPanelProps) {
  const measured = measureSpeakers(useLiveSnapshot(provider.doc));
  const canEdit = can(myRole, 'manageSpeakers');
  const edits = useSpeakerEdits(provider.doc, editor);
  const action = useAsyncAction(async (change: () => void) => change());
  const act = (change: () => void) => void action.run(change);

  return (
    <section className="panel speakers-panel" aria-labelledby="speakers-heading" data-testid="speakers-panel">
      <div className="panel-heading">
        <h2 id="speakers-heading">Speakers</h2>
      </div>
      <p className="muted">{measured.totalWords} words in all.</p>
      <UndoNotice message={edits.message} canUndo={edits.canUndo} onUndo={edits.undo} testId="speakers-message" undoTestId="undo-speaker-edit" />
      <PanelError error={action.error} onDismiss={action.reset} />
      <ul className="speaker-list">
        {measured.speakers.map((entry) => (
          <SpeakerItem
            key={entry.speaker.id}
            entry={entry}
            others={measured.speakers.filter((other) => other.speaker.id !== entry.speaker.id)}
            canEdit={canEdit}
            isBusy={action.isPending}
            onSave={(changes) => act(() => edits.rename(entry.speaker.id, changes))}
            onMergeInto={(into) => act(() => edits.merge({ id: into.id, name: into.displayName }, { id: entry.speaker.id, name: entry.speaker.displayName }))}
          />
        ))}
      </ul>
    </section>
  );
}

interface SpeakerItemProps {
  entry: SpeakerStats;
  others: SpeakerStats[];
  canEdit: boolean;
  isBusy: boolean;
  onSave: (changes: { displayName: string; role: string | null; affiliation: string | null }) => void;
  onMergeInto: (speaker: SpeakerStats['speaker']) => void;
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
                  const target = others.find((other) => other.speaker.id === mergeTarget);
                  if (target) onMergeInto(target.speaker);
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
