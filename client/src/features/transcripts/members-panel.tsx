import { useState } from 'react';
import { can, type GrantableRole, type Member, type Role } from '@verity/common';
import { changeMemberRole, listMembers, removeMember } from '../../api/transcripts.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';
import { useCurrentUser } from '../auth/session-context.tsx';
import { AddMemberForm } from './add-member-form.tsx';
import { InvitationLink } from './invitation-link.tsx';
import { InvitationLinkList } from './invitation-link-list.tsx';
import { grantableRoles, roleDescriptions, roleLabels } from './labels.ts';

/**
 * Who can open this transcript; owners can also add people, change roles and remove members. Live:
 * re-read whenever the server says the member list changed (here, in another tab, by a link).
 */
export function MembersPanel({ transcriptId, myRole, provider }: { transcriptId: string; myRole: Role; provider: LiveTranscriptProvider }) {
  const canManage = can(myRole, 'manageMembers');
  const query = useApiQuery(`members:${transcriptId}`, (signal) => listMembers(transcriptId, signal));
  useLiveChanges(provider, ['members'], query.reload);
  // Bumped when a link is created, so the list of links shows it.
  const [linksVersion, setLinksVersion] = useState(0);

  return (
    <aside className="panel members-panel" aria-labelledby="members-heading" data-testid="members-panel">
      <h2 id="members-heading">Members</h2>
      {query.status === 'loading' ? <LoadingState label="Loading members…" /> : null}
      <PanelError error={query.error} onRetry={query.reload} />
      {query.status === 'success' ? (
        <ul className="member-list">
          {query.data.map((member) => (
            <MemberItem key={member.userId} transcriptId={transcriptId} member={member} canManage={canManage} onChanged={query.reload} />
          ))}
        </ul>
      ) : null}
      {canManage ? (
        <>
          <AddMemberForm transcriptId={transcriptId} onAdded={query.reload} />
          <InvitationLink transcriptId={transcriptId} onCreated={() => setLinksVersion((version) => version + 1)} />
          <InvitationLinkList transcriptId={transcriptId} version={linksVersion} />
        </>
      ) : null}
    </aside>
  );
}

interface MemberItemProps {
  transcriptId: string;
  member: Member;
  canManage: boolean;
  onChanged: () => void;
}

function MemberItem({ transcriptId, member, canManage, onChanged }: MemberItemProps) {
  const me = useCurrentUser();
  const [isConfirmingRemove, setIsConfirmingRemove] = useState(false);
  // Shows the chosen role while the change is saved, instead of snapping back until the list reloads.
  const [pendingRole, setPendingRole] = useState<{ from: Role; to: GrantableRole } | null>(null);
  if (pendingRole && pendingRole.from !== member.role) setPendingRole(null);
  const isOwner = member.role === 'owner';
  const isMe = member.userId === me.id;

  const action = useAsyncAction((change: () => Promise<unknown>) => change());
  const isBusy = action.isPending;
  async function act(change: () => Promise<unknown>) {
    const result = await action.run(change);
    if (result.ok) onChanged();
    else setPendingRole(null);
  }

  function handleRoleChange(role: GrantableRole) {
    setPendingRole({ from: member.role, to: role });
    void act(() => changeMemberRole(transcriptId, member.userId, role));
  }

  function handleRemove() {
    setIsConfirmingRemove(false);
    void act(() => removeMember(transcriptId, member.userId));
  }

  return (
    <li className="member" data-testid="member-row">
      <div className="member-identity">
        <span className="member-name">
          {member.displayName}
          {isMe ? <span className="muted"> (you)</span> : null}
        </span>
        <span className="member-email muted">{member.email}</span>
      </div>
      {canManage && !isOwner ? (
        <div className="member-actions">
          <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
            Role for {member.displayName}
          </label>
          <select
            id={`role-${member.userId}`}
            className="select select-compact"
            value={pendingRole?.to ?? member.role}
            disabled={isBusy}
            onChange={(event) => handleRoleChange(event.target.value as GrantableRole)}
          >
            {grantableRoles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          {isConfirmingRemove ? (
            <>
              <button type="button" className="button button-danger button-small" onClick={handleRemove} disabled={isBusy}>
                Confirm remove
              </button>
              <button type="button" className="button button-ghost button-small" onClick={() => setIsConfirmingRemove(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setIsConfirmingRemove(true)}
              disabled={isBusy}
              aria-label={`Remove ${member.displayName}`}
            >
              Remove
            </button>
          )}
        </div>
      ) : (
        <span className="badge badge-role" title={isOwner ? undefined : roleDescriptions[member.role as GrantableRole]}>
          {roleLabels[member.role]}
        </span>
      )}
      {isConfirmingRemove ? (
        <p className="field-hint member-error" role="status">
          Invitation links will not let {member.displayName} back in; you can add them again here by e-mail.
        </p>
      ) : null}
      <PanelError error={action.error} onDismiss={action.reset} />
    </li>
  );
}
