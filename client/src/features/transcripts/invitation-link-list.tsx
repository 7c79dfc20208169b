import { useState } from 'react';
import type { InvitationLink, InvitationState } from '@verity/common';
import { errorMessage } from '../../api/api-error.ts';
import { listInvitationLinks, revokeInvitationLink } from '../../api/invitations.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { formatExactTime } from '../../components/format-time.ts';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { roleLabels } from './labels.ts';

const stateLabels: Record<Exclude<InvitationState, 'active'>, string> = { revoked: 'Revoked', used_up: 'Used up', expired: 'Expired' };

/** The transcript's invitation links with their uses, for the owner to see and revoke; `version` reloads it. */
export function InvitationLinkList({ transcriptId, version }: { transcriptId: string; version: number }) {
  const query = useApiQuery(`invitation-links:${transcriptId}:${version}`, (signal) => listInvitationLinks(transcriptId, signal));
  return (
    <section className="invitation-links" aria-labelledby="invitation-links-heading">
      <h3 id="invitation-links-heading">Invitation links</h3>
      {query.status === 'loading' ? <LoadingState label="Loading links…" /> : null}
      {query.status === 'error' ? <ErrorState error={query.error} onRetry={query.reload} /> : null}
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
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleRevoke() {
    setIsConfirming(false);
    setIsBusy(true);
    setError(null);
    try {
      await revokeInvitationLink(transcriptId, link.id);
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setIsBusy(false);
    }
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
      {error ? (
        <p className="field-error member-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
