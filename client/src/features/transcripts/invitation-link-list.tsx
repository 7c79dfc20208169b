import { useState } from 'react';
import type { InvitationLink, InvitationState } from '@verity/common';
import { listInvitationLinks, revokeInvitationLink } from '../../api/invitations.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { formatExactTime } from '../../components/format-time.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { roleLabels } from './labels.ts';

const stateLabels: Record<Exclude<InvitationState, 'active'>, string> = { revoked: 'Revoked', used_up: 'Used up', expired: 'Expired' };

/** The transcript's invitation links with their uses, for the owner to see and revoke; `version` reloads it. */
export function InvitationLinkList({ transcriptId, version }: { transcriptId: string; version: number }) {
  const query = useApiQuery(`invitation-links:${transcriptId}:${version}`, (signal) => listInvitationLinks(transcriptId, signal));
  return (
    <section className="invitation-links" aria-labelledby="invitation-links-heading">
      <h3 id="invitation-links-heading">Invitation links</h3>
      {query.status === 'loading' ? <LoadingState label="Loading links…" /> : null}
      <PanelError error={query.error} onRetry={query.reload} />
      {query.status === 'success' && query.data.length === 0 ? <p className="muted">No invitation links yet.</p> : null}
      {query.status === 'success' && query.data.length > 0 ? (
        <ul className="member-list" data-testid="invitation-link-list">
          {query.data.map((link) => (
            <InvitationLinkItem key={link.id} transcriptId={transcriptId} link={link} onChanged={query.reload} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function InvitationLinkItem({ transcriptId, link, onChanged }: { transcriptId: string; link: InvitationLink; onChanged: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const revoke = useAsyncAction(() => revokeInvitationLink(transcriptId, link.id));
  const isBusy = revoke.isPending;

  async function handleRevoke() {
    setIsConfirming(false);
    if ((await revoke.run()).ok) onChanged();
  }

  const label = `${roleLabels[link.role]} link by ${link.createdBy}`;
  return (
    <li className="member" data-testid="invitation-link-row" data-state={link.state}>
      <div className="member-identity">
        <span className="member-name">{label}</span>
        <span className="member-email muted">
          {link.maxUses === 1 ? `Single use, ${link.uses === 1 ? 'used' : 'not used yet'}` : `Used ${link.uses} of ${link.maxUses}`}
          {link.state === 'active' ? ` · expires ${formatExactTime(new Date(link.expiresAt))}` : null}
          {link.revokedAt ? ` · revoked ${formatExactTime(new Date(link.revokedAt))}` : null}
        </span>
      </div>
      {link.state === 'active' ? (
        <div className="member-actions">
          {isConfirming ? (
            <>
              <button type="button" className="button button-danger button-small" onClick={handleRevoke} disabled={isBusy}>
                Confirm revoke
              </button>
              <button type="button" className="button button-ghost button-small" onClick={() => setIsConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button button-ghost button-small" onClick={() => setIsConfirming(true)} disabled={isBusy} aria-label={`Revoke ${label}`}>
              Revoke
            </button>
          )}
        </div>
      ) : (
        <span className="badge">{stateLabels[link.state]}</span>
      )}
      <PanelError error={revoke.error} onDismiss={revoke.reset} />
    </li>
  );
}
