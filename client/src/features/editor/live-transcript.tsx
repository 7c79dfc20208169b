import { can, type CloseReason, type Role } from '@verity/common';
import { useCurrentUser } from '../auth/session-context.tsx';
import { LoadingState } from '../../components/page-state.tsx';
import type { TranscriptEditor as TranscriptEditorType } from '../../editor/types.ts';
import type { LiveTranscriptProvider, LiveState } from '../../realtime/live-transcript-provider.ts';
import { ClassifyTurnCorrections } from './classify-turn-corrections.tsx';
import { SaveStatusIndicator } from './save-status-indicator.tsx';
import { TranscriptEditor } from './transcript-editor.tsx';

const closedTitles: Record<CloseReason | 'internal', string> = {
  not_found: 'This transcript no longer exists, or you are no longer a member.',
  forbidden: 'You no longer have access to this transcript.',
  unauthenticated: 'Your session has ended. Sign in again to keep editing.',
  session_closed: 'The live session closed. Reload to continue.',
  server_shutdown: 'The server restarted. Reload to continue.',
  malformed_message: 'The connection sent something the server could not read. Reload to continue.',
  store_failed: 'The server could not save a change. Reload to continue; nothing you typed after that was stored.',
  rate_limited: 'This editor sent changes faster than the server accepts and was disconnected. Reload to continue.',
  internal: 'The live connection failed. Reload to try again.',
};

interface LiveTranscriptProps {
  /** The workspace's live connection (useLiveTranscript), shared with its panels. */
  live: { provider: LiveTranscriptProvider | null; state: LiveState };
  role: Role;
  /** The bound editor once it exists (null when it goes), for panels that act on it (find, queue). */
  onEditorReady?: (editor: TranscriptEditorType | null) => void;
}

/** The transcript body: the live connection's status, and the editor once the document arrived. */
export function LiveTranscript({ live, role, onEditorReady }: LiveTranscriptProps) {
  const user = useCurrentUser();
  const { provider, state } = live;
  // The role from the live join is authoritative (it may have changed since the page loaded).
  const canEdit = can(state.role ?? role, 'correct');

  if (state.closed) {
    return (
      <div className="live-closed" role="alert" data-testid="live-closed" data-reason={state.closed.reason}>
        <p className="live-closed-title">{closedTitles[state.closed.reason]}</p>
        {state.closed.message ? <p className="muted">{state.closed.message}</p> : null}
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (!provider || !state.isSynced) {
    return <LoadingState label={state.connection === 'offline' ? 'Offline — waiting for the connection…' : 'Opening the transcript…'} />;
  }
  return (
    <TranscriptEditor
      key={provider.transcriptId}
      provider={provider}
      user={user}
      canEdit={canEdit}
      onEditorReady={onEditorReady}
      header={
        <div className="editor-status">
          {state.roleNotice ? (
            <span className="muted" role="status" data-testid="live-role-notice">
              {state.roleNotice}
            </span>
          ) : null}
          {canEdit ? null : <span className="badge">Read only</span>}
          <SaveStatusIndicator save={state.save} />
          <ClassifyTurnCorrections provider={provider} canClassify={canEdit} />
        </div>
      }
    />
  );
}
