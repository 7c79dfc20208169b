import { useId, useRef, useState, type FormEvent } from 'react';
import type { GrantableRole, Invitation } from '@verity/common';
import { createInvitation } from '../../api/transcripts.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { formatExactTime } from '../../components/format-time.ts';
import { roleLabels } from './labels.ts';
import { RoleSelect } from './role-select.tsx';

/** Creates a link that grants a role to whoever opens it, for people who may not have an account yet. */
export function InvitationLink({ transcriptId }: { transcriptId: string }) {
  const [role, setRole] = useState<GrantableRole>('editor');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const { run, isPending, error } = useAsyncAction((selected: GrantableRole) => createInvitation(transcriptId, selected));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopyStatus('idle');
    const created = await run(role);
    if (created.ok) setInvitation(created.value);
  }

  async function handleCopy() {
    if (!invitation) return;
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopyStatus('copied');
    } catch {
      // Clipboard access needs a secure context and permission; selecting lets people copy by hand.
      inputRef.current?.select();
      setCopyStatus('failed');
    }
  }

  return (
    <form className="form form-compact invitation" onSubmit={handleSubmit} aria-busy={isPending} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invitation link</h3>
      <RoleSelect label="Role for people who use the link" value={role} onChange={setRole} />
      <FormError error={error} />
      <button type="submit" className="button button-secondary" disabled={isPending}>
        {isPending ? 'Creating link…' : 'Create invitation link'}
      </button>
      {invitation ? (
        <div className="invitation-result" data-testid="invitation-link">
          <label htmlFor={linkId} className="field-label">
            Link for {roleLabels[invitation.role].toLowerCase()}s
          </label>
          <div className="copy-row">
            <input id={linkId} ref={inputRef} className="input input-mono" readOnly value={invitation.url} onFocus={(event) => event.target.select()} />
            <button type="button" className="button button-primary" onClick={handleCopy}>
              Copy
            </button>
          </div>
          <p className="field-hint" role="status">
            {copyStatus === 'copied' ? 'Copied to the clipboard. ' : null}
            {copyStatus === 'failed' ? 'Press Ctrl+C (⌘C) to copy the selected link. ' : null}
            Expires {formatExactTime(new Date(invitation.expiresAt))}.
          </p>
        </div>
      ) : null}
    </form>
  );
}
