import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { Role, TranscriptStatus } from '@verity/common';
import { ChunkBoundary } from '../../components/chunk-boundary.tsx';
import { LoadingState } from '../../components/page-state.tsx';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import type { CommentDraft } from '../comments/selection-anchor.ts';
import { PanelVisibilityContext } from './panel-visibility.ts';
import { workspaceTabs, type WorkspaceTab } from './workspace-tabs.ts';

// Each panel's code loads when its tab is first shown, after the editor has synced (its own chunk).
const QueuePanel = lazy(() => import('../queue/queue-panel.tsx').then((module) => ({ default: module.QueuePanel })));
const FindPanel = lazy(() => import('../find/find-panel.tsx').then((module) => ({ default: module.FindPanel })));
const CommentsPanel = lazy(() => import('../comments/comments-panel.tsx').then((module) => ({ default: module.CommentsPanel })));
const SpeakersPanel = lazy(() => import('../speakers/speakers-panel.tsx').then((module) => ({ default: module.SpeakersPanel })));
const GlossaryPanel = lazy(() => import('../glossary/glossary-panel.tsx').then((module) => ({ default: module.GlossaryPanel })));
const HistoryPanel = lazy(() => import('../history/history-panel.tsx').then((module) => ({ default: module.HistoryPanel })));
const ReviewPanel = lazy(() => import('../review/review-panel.tsx').then((module) => ({ default: module.ReviewPanel })));
const MembersPanel = lazy(() => import('../transcripts/members-panel.tsx').then((module) => ({ default: module.MembersPanel })));

interface SidePanelProps {
  tab: WorkspaceTab;
  onTab: (tab: WorkspaceTab) => void;
  onHide: () => void;
  transcriptId: string;
  role: Role;
  provider: LiveTranscriptProvider;
  editor: TranscriptEditor | null;
  canEdit: boolean;
  findFocusKey: number;
  /** A comment being written on the editor's selection (the Comments tab shows it). */
  commentDraft: CommentDraft | null;
  onCommentDraftDone: () => void;
  /** The thread whose words were last clicked in the text. */
  currentCommentId: string | null;
  onStatusChange: (status: TranscriptStatus) => void;
}

/**
 * The tabbed side panel. A tab's panel mounts when first chosen and then stays mounted (hidden when
 * another tab is shown), so a half-typed search or form survives switching and every shown panel
 * keeps following live changes.
 */
export function SidePanel(props: SidePanelProps) {
  const { tab, onTab, onHide, transcriptId, role, provider, editor, canEdit } = props;
  const [visited, setVisited] = useState<ReadonlySet<WorkspaceTab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  const panels: Record<WorkspaceTab, () => ReactNode> = {
    queue: () => <QueuePanel transcriptId={transcriptId} provider={provider} editor={editor} canEdit={canEdit} />,
    find: () => <FindPanel doc={provider.doc} editor={editor} canEdit={canEdit} focusKey={props.findFocusKey} />,
    speakers: () => <SpeakersPanel myRole={role} provider={provider} editor={editor} />,
    glossary: () => <GlossaryPanel transcriptId={transcriptId} myRole={role} provider={provider} editor={editor} />,
    comments: () => <CommentsPanel transcriptId={transcriptId} myRole={role} provider={provider} editor={editor} draft={props.commentDraft} onDraftDone={props.onCommentDraftDone} currentCommentId={props.currentCommentId} />,
    history: () => <HistoryPanel transcriptId={transcriptId} myRole={role} provider={provider} />,
    review: () => <ReviewPanel transcriptId={transcriptId} myRole={role} provider={provider} onStatusChange={props.onStatusChange} />,
    members: () => <MembersPanel transcriptId={transcriptId} myRole={role} provider={provider} />,
  };

  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {workspaceTabs.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`side-tab-${entry.id}`}
            aria-selected={tab === entry.id}
            aria-controls={`side-panel-${entry.id}`}
            className={`side-tab${tab === entry.id ? ' is-active' : ''}`}
            title={`${entry.label} (${entry.keys})`}
            onClick={() => onTab(entry.id)}
            data-testid={`side-tab-${entry.id}`}
          >
            {entry.label}
          </button>
        ))}
        <button type="button" className="button button-ghost button-small side-hide" onClick={onHide} aria-label="Hide the side panel (Alt+0)" title="Hide (Alt+0)">
          »
        </button>
      </div>
      {workspaceTabs.map((entry) =>
        visited.has(entry.id) ? (
          <div key={entry.id} role="tabpanel" id={`side-panel-${entry.id}`} aria-labelledby={`side-tab-${entry.id}`} className="side-tabpanel" hidden={tab !== entry.id}>
            <PanelVisibilityContext.Provider value={tab === entry.id}>
              <ChunkBoundary what={`the ${entry.label.toLowerCase()} panel`}>
                <Suspense fallback={<LoadingState label={`Loading ${entry.label.toLowerCase()}…`} />}>{panels[entry.id]()}</Suspense>
              </ChunkBoundary>
            </PanelVisibilityContext.Provider>
          </div>
        ) : null,
      )}
    </>
  );
}
