import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { createTranscriptRequestSchema } from '@verity/common';
import { createTranscript } from '../../api/transcripts.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { FormField } from '../../components/form-field.tsx';
import { validate } from '../../components/validate.ts';

/** Names and creates an empty transcript, then opens it. */
export function NewTranscriptForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const { run, isPending, error } = useAsyncAction(createTranscript);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validate(createTranscriptRequestSchema, { title });
    setTitleError(result.ok ? undefined : result.errors.title);
    if (!result.ok) return;
    const created = await run(result.data.title);
    if (created.ok) navigate(`/t/${encodeURIComponent(created.value.id)}`);
  }

  return (
    <form className="form panel new-transcript-form" data-testid="new-transcript-form" onSubmit={handleSubmit} noValidate aria-busy={isPending}>
      <FormField
        label="Title"
        name="title"
        required
        autoFocus
        maxLength={300}
        placeholder="e.g. City council meeting, 12 March"
        value={title}
        error={titleError}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isPending}>
          {isPending ? 'Creating…' : 'Create transcript'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
