import { useId, useRef, useState, type FormEvent } from 'react';
import { maxInvitationUses, type CreateInvitationRequest, type GrantableRole, type Invitation } from '@verity/common';
import { createInvitation } from '../../api/invitations.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';
import { formatExactTime } from '../../components/format-time.ts';
import { roleLabels } from './labels.ts';
import { RoleSelect } from './role-select.tsx';

/**
 * Creates a link that grants a role to the people who open it, for people who may not have an
 * account yet: single-use unless the owner sets how many people may use it.
 */
export function InvitationLink({ transcriptId, onCreated }: { transcriptId: string; onCreated: () => void }) {
  const [role, setRole] = useState<GrantableRole>('editor');
  const [isSeveral, setIsSeveral] = useState(false);
  const [uses, setUses] = useState('5');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const usesId = useId();
  const { run, isPending, error } = useAsyncAction((request: CreateInvitationRequest) => createInvitation(transcriptId, request));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCopyStatus('idle');
    // A number the server refuses comes back as a form error, so it is sent as typed.
    const created = await run({ role, maxUses: isSeveral ? Number(uses) : 1 });
    if (created.ok) {
      setInvitation(created.value);
      onCreated();
    }
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
      <fieldset className="field invitation-uses">
        <legend className="field-label">Who can use it</legend>
        <label className="radio">
          <input type="radio" name="invitation-uses" checked={!isSeveral} onChange={() => setIsSeveral(false)} /> One person (single use)
        </label>
        <label className="radio">
          <input type="radio" name="invitation-uses" checked={isSeveral} onChange={() => setIsSeveral(true)} /> Several people
        </label>
        {isSeveral ? (
          <div className="field">
            <label htmlFor={usesId} className="field-label">
              How many people
            </label>
            <input
              id={usesId}
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={2}
              max={maxInvitationUses}
              step={1}
              required
              value={uses}
              onChange={(event) => setUses(event.target.value)}
            />
          </div>
        ) : null}
      </fieldset>
      <PanelError error={error} />
      <button type="submit" className="button button-secondary" disabled={isPending}>
        {isPending ? 'Creating link…' : 'Create invitation link'}
      </button>
      {invitation ? (
        <div className="invitation-result" data-testid="invitation-link">
          <label htmlFor={linkId} className="field-label">
            Link for {invitation.maxUses === 1 ? `one ${roleLabels[invitation.role].toLowerCase()}` : `up to ${invitation.maxUses} ${roleLabels[invitation.role].toLowerCase()}s`}
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
            Expires {formatExactTime(new Date(invitation.expiresAt))}. Copy it now: it is not shown again.
          </p>
        </div>
      ) : null}
    </form>
  );
}
