import { useState } from 'react';
import { misrecognitionSeparator, type GlossaryTermInput } from '@verity/common';

interface GlossaryTermFormProps {
  initial?: GlossaryTermInput;
  isBusy: boolean;
  submitLabel: string;
  onSubmit: (term: GlossaryTermInput) => Promise<boolean>;
  onCancel?: () => void;
}

/** The misrecognitions as typed in one field: separated by `|`, blanks dropped. */
export function splitMisrecognitions(value: string): string[] {
  return value.split(misrecognitionSeparator).map((part) => part.trim()).filter((part) => part !== '');
}

/** A term's fields: correct spelling, what recognition makes of it (separated by |), a note. Cleared after a successful add. */
export function GlossaryTermForm({ initial, isBusy, submitLabel, onSubmit, onCancel }: GlossaryTermFormProps) {
  const [term, setTerm] = useState(initial?.term ?? '');
  const [misheard, setMisheard] = useState(initial?.misrecognitions.join(` ${misrecognitionSeparator} `) ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  return (
    <form
      className="glossary-term-form"
      data-testid="glossary-term-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit({ term: term.trim(), misrecognitions: splitMisrecognitions(misheard), note: note.trim() }).then((isDone) => {
          if (!isDone || initial) return;
          setTerm('');
          setMisheard('');
          setNote('');
        });
      }}
    >
      <label className="field">
        <span className="field-label">Correct spelling</span>
        <input value={term} onChange={(event) => setTerm(event.target.value)} required maxLength={120} data-testid="glossary-term-input" />
      </label>
      <label className="field">
        <span className="field-label">Misrecognised as (separate with |)</span>
        <input value={misheard} onChange={(event) => setMisheard(event.target.value)} placeholder="know Cus | con census" data-testid="glossary-misrecognitions-input" />
      </label>
      <label className="field">
        <span className="field-label">Note</span>
        <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={isBusy || term.trim() === ''} data-testid="glossary-term-submit">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-ghost button-small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
