import { useState, type FormEvent } from 'react';
import { addMemberRequestSchema, type GrantableRole } from '@verity/common';
import { addMember } from '../../api/transcripts.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormField } from '../../components/form-field.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { splitServerError, validate } from '../../components/validate.ts';
import { RoleSelect } from './role-select.tsx';

/** Adds someone who already has an account, by e-mail. */
export function AddMemberForm({ transcriptId, onAdded }: { transcriptId: string; onAdded: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GrantableRole>('editor');
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [addedEmail, setAddedEmail] = useState<string | null>(null);
  const { run, isPending, error } = useAsyncAction((body: { email: string; role: GrantableRole }) => addMember(transcriptId, body.email, body.role));

  const server = splitServerError(error, ['email']);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAddedEmail(null);
    const result = validate(addMemberRequestSchema, { email, role });
    setEmailError(result.ok ? undefined : result.errors.email);
    if (!result.ok) return;
    const added = await run(result.data);
    if (added.ok) {
      setAddedEmail(result.data.email);
      setEmail('');
      onAdded();
    }
  }

  return (
    <form className="form form-compact" onSubmit={handleSubmit} noValidate aria-busy={isPending} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add a member</h3>
      <FormField label="E-mail" type="email" name="email" autoComplete="off" value={email} error={emailError ?? server.fieldErrors.email} onChange={(event) => setEmail(event.target.value)} />
      <RoleSelect label="Role" value={role} onChange={setRole} />
      <PanelError error={server.formError} />
      {addedEmail ? (
        <p className="form-success" role="status">
          Added {addedEmail}.
        </p>
      ) : null}
      <button type="submit" className="button button-secondary" disabled={isPending}>
        {isPending ? 'Adding…' : 'Add member'}
      </button>
    </form>
  );
}
