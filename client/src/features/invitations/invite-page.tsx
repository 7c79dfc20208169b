import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Invitation } from '@verity/common';
import { isApiError } from '../../api/api-error.ts';
import { acceptInvitation, fetchInvitation } from '../../api/transcripts.api.ts';
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

  const isInvalid = query.status === 'error' && (isApiError(query.error, 'not_found') || isApiError(query.error, 'conflict'));
  if (isInvalid) {
    return (
      <AuthLayout title="This invitation can’t be used" intro={<p>The link is wrong, has expired or was withdrawn. Ask the transcript’s owner for a new one.</p>}>
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
      <p className="muted">Valid until {formatExactTime(new Date(invitation.expiresAt))}.</p>
    </>
  );
}
