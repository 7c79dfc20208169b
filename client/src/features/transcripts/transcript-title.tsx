import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { updateTranscriptRequestSchema, type TranscriptSummary } from '@verity/common';
import { deleteTranscript, renameTranscript } from '../../api/transcripts.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { FormField } from '../../components/form-field.tsx';
import { validate } from '../../components/validate.ts';

interface TranscriptTitleProps {
  transcript: TranscriptSummary;
  canManage: boolean;
  onRenamed: (transcript: TranscriptSummary) => void;
}

/** The transcript's heading; owners can rename it or delete the transcript from here. */
export function TranscriptTitle({ transcript, canManage, onRenamed }: TranscriptTitleProps) {
  const navigate = useNavigate();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [title, setTitle] = useState(transcript.title);
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const rename = useAsyncAction((next: string) => renameTranscript(transcript.id, next));
  const remove = useAsyncAction(() => deleteTranscript(transcript.id));

  function handleStartRename() {
    setTitle(transcript.title);
    setTitleError(undefined);
    rename.reset();
    setMode('rename');
  }

  async function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(updateTranscriptRequestSchema, { title });
    setTitleError(result.ok ? undefined : result.errors.title);
    if (!result.ok) return;
    const renamed = await rename.run(result.data.title);
    if (renamed.ok) {
      onRenamed(renamed.value);
      setMode('view');
    }
  }

  async function handleDelete() {
    const deleted = await remove.run();
    if (deleted.ok) navigate('/', { replace: true });
  }

  if (mode === 'rename') {
    return (
      <form className="form rename-form" onSubmit={handleRename} noValidate aria-busy={rename.isPending}>
        <FormField
          label="Title"
          autoFocus
          maxLength={300}
          value={title}
          error={titleError}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setMode('view');
          }}
        />
        <FormError error={rename.error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save title'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setMode('view')} disabled={rename.isPending}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="title-row">
      <h1 className="transcript-title">{transcript.title}</h1>
      {canManage ? (
        <div className="title-actions">
          {mode === 'confirm-delete' ? (
            <>
              <span className="muted">Delete this transcript for everyone?</span>
              <button type="button" className="button button-danger button-small" onClick={handleDelete} disabled={remove.isPending}>
                {remove.isPending ? 'Deleting…' : 'Delete'}
              </button>
              <button type="button" className="button button-ghost button-small" onClick={() => setMode('view')} disabled={remove.isPending}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button-ghost button-small" onClick={handleStartRename}>
                Rename
              </button>
              <button type="button" className="button button-ghost button-small" onClick={() => setMode('confirm-delete')}>
                Delete…
              </button>
            </>
          )}
        </div>
      ) : null}
      <FormError error={remove.error} />
    </div>
  );
}
