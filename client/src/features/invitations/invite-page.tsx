import { Link, useNavigate, useParams } from 'react-router-dom';
import { roleRank, type Invitation } from '@verity/common';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { acceptInvitation, fetchInvitation } from '../../api/invitations.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { FormError } from '../../components/form-error.tsx';
import { formatExactTime } from '../../components/format-time.ts';
import { ErrorState, LoadingState } from '../../components/page-state.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { AuthLayout } from '../auth/auth-layout.tsx';
import { withNext } from '../auth/safe-redirect.ts';
import { useSession } from '../auth/session-context.tsx';
import { roleDescriptions, roleLabels } from '../transcripts/labels.ts';

/** Opens an invitation link: signed-in people accept it here, others log in (or sign up) and come back. */
export function InvitePage() {
  useDocumentTitle('Invitation');
  const { token = '' } = useParams();
  const { user, setup } = useSession();
  const navigate = useNavigate();
  // Keyed on the user too, so the preview is fetched again after logging in.
  const query = useApiQuery(`invitation:${token}:${user?.id ?? ''}`, (signal) => fetchInvitation(token, signal));
  const accept = useAsyncAction(() => acceptInvitation(token));
  const here = `/invite/${encodeURIComponent(token)}`;

  async function handleAccept() {
    const result = await accept.run();
    if (result.ok) navigate(`/t/${encodeURIComponent(result.value.transcriptId)}`, { replace: true });
  }

  if (query.status === 'loading') {
    return (
      <AuthLayout title="Invitation">
        <LoadingState label="Checking the invitation…" />
      </AuthLayout>
    );
  }

  // The server says why: not valid, revoked, used up, expired, or the user was removed.
  const isInvalid = query.status === 'error' && (['not_found', 'conflict', 'forbidden'] as const).some((code) => isApiError(query.error, code));
  if (isInvalid) {
    return (
      <AuthLayout title="This invitation can’t be used" intro={<p data-testid="invitation-refused">{errorMessage(query.error)}</p>}>
        <p className="auth-footer">
          <Link to="/">Go to your transcripts</Link>
        </p>
      </AuthLayout>
    );
  }

  const invitation = query.status === 'success' ? query.data : null;

  if (!user) {
    return (
      <AuthLayout title="You’ve been invited" intro={invitation ? <InvitationSummary invitation={invitation} /> : <p>Log in to see and accept this invitation.</p>}>
        <div className="stack">
          <Link to={withNext('/login', here)} className="button button-primary button-block">
            Log in to accept
          </Link>
          {setup?.openSignup ? (
            <Link to={withNext('/signup', here)} className="button button-secondary button-block">
              Create an account
            </Link>
          ) : null}
        </div>
      </AuthLayout>
    );
  }

  if (!invitation) {
    return (
      <AuthLayout title="Invitation">
        <ErrorState error={query.error} onRetry={query.reload} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="You’ve been invited" intro={<InvitationSummary invitation={invitation} />}>
      <p className="muted">
        Accepting as {user.displayName} ({user.email}).
      </p>
      <FormError error={accept.error} />
      <div className="stack">
        <button type="button" className="button button-primary button-block" onClick={handleAccept} disabled={accept.isPending} data-testid="accept-invitation">
          {accept.isPending ? 'Accepting…' : 'Accept invitation'}
        </button>
        <Link to="/" className="button button-ghost button-block">
          Not now
        </Link>
      </div>
    </AuthLayout>
  );
}

function InvitationSummary({ invitation }: { invitation: Invitation }) {
  return (
    <>
      <p>
        {invitation.invitedBy} invited you to <strong>{invitation.transcriptTitle}</strong> as {roleLabels[invitation.role].toLowerCase()} ({roleDescriptions[invitation.role]}).
      </p>
      {invitation.memberRole ? <p>{membershipNote(invitation)}</p> : null}
      <p className="muted">
        {invitation.maxUses === 1 ? 'Single-use link' : `Used ${invitation.uses} of ${invitation.maxUses} times`}, valid until {formatExactTime(new Date(invitation.expiresAt))}.
      </p>
    </>
  );
}

/** What accepting changes for someone who is already a member. */
function membershipNote(invitation: Invitation): string {
  const current = invitation.memberRole!;
  if (roleRank(current) >= roleRank(invitation.role)) return `You are already a member as ${roleLabels[current].toLowerCase()}; accepting keeps that role.`;
  return `You are a member as ${roleLabels[current].toLowerCase()}; accepting makes you ${roleLabels[invitation.role].toLowerCase()}.`;
}
