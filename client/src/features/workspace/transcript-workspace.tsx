import { useCallback, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { can, type TranscriptStatus, type TranscriptSummary } from '@verity/common';
import { LoadingState } from '../../components/page-state.tsx';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';
import { useLiveTranscript } from '../../realtime/use-live-transcript.ts';
import { LiveTranscript } from '../editor/live-transcript.tsx';
import { CommentActionsContext, isAddCommentShortcut, type CommentActions } from '../comments/comment-actions.ts';
import { CommentMarginProvider } from '../comments/comment-margin.tsx';
import { draftFromSelection, type CommentDraft } from '../comments/selection-anchor.ts';
import { LiveEditorContext } from './live-editor-context.ts';
import { SidePanel } from './side-panel.tsx';
import { maxSideWidth, minSideWidth, useSidePanel } from './use-side-panel.ts';
import { matchWorkspaceShortcut } from './workspace-tabs.ts';

interface TranscriptWorkspaceProps {
  transcript: TranscriptSummary;
  /** The transcript's header (title, status, role…). */
  header: ReactNode;
  /** Where a media player docks above the text (issue 11); empty, it takes no room. */
  dock?: ReactNode;
  /** The server says the review state changed: re-read the transcript for its header. */
  onReviewChanged: () => void;
  /** The server says the recording was attached, replaced or detached (the docked player re-reads it). */
  onRecordingChanged?: () => void;
  onStatusChange: (status: TranscriptStatus) => void;
}

/**
 * One full-height workspace: the header, the editor (which scrolls on its own under its toolbar and
 * presence) and the tabbed side panel beside it, resizable and collapsible. The live connection is
 * opened here, once, for the editor and every panel; the panels load after the editor has synced.
 */
export function TranscriptWorkspace({ transcript, header, dock, onReviewChanged, onRecordingChanged, onStatusChange }: TranscriptWorkspaceProps) {
  const live = useLiveTranscript(transcript.id);
  const [editor, setEditor] = useState<TranscriptEditor | null>(null);
  const panel = useSidePanel();
  const [findFocusKey, setFindFocusKey] = useState(0);
  const role = live.state.role ?? transcript.role;
  const { setTab, toggle } = panel;
  const [commentDraft, setCommentDraft] = useState<CommentDraft | null>(null);
  const provider = live.provider;
  const canComment = can(role, 'comment') && editor !== null && provider !== null;
  const startComment = useCallback(() => {
    if (!editor || !provider) return;
    // No words selected: the tab opens with its hint instead of a draft.
    setCommentDraft(draftFromSelection(editor, provider.doc));
    setTab('comments');
    if (panel.isCollapsed) toggle();
  }, [editor, provider, setTab, toggle, panel.isCollapsed]);
  const [currentCommentId, setCurrentCommentId] = useState<string | null>(null);
  const openComment = useCallback(
    (commentId: string) => {
      setCurrentCommentId(commentId);
      setTab('comments');
      if (panel.isCollapsed) toggle();
    },
    [setTab, toggle, panel.isCollapsed],
  );
  const commentActions = useMemo<CommentActions>(() => ({ canComment, startComment, showComment: setCurrentCommentId, openComment }), [canComment, startComment, openComment]);
  const liveEditor = useMemo(() => (provider && editor ? { doc: provider.doc, editor } : null), [provider, editor]);
  // The panels mount once the editor is bound and the browser has a quiet moment, so opening a big
  // transcript is not slowed by them (their reading of the document and their own code).
  const [isEditorShown, setIsEditorShown] = useState(false);
  useEffect(() => {
    if (!editor || isEditorShown) return;
    const show = () => setIsEditorShown(true);
    if (typeof requestIdleCallback !== 'function') return show();
    const handle = requestIdleCallback(show, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }, [editor, isEditorShown]);
  const isSynced = live.provider !== null && live.state.isSynced && isEditorShown;

  useEffect(() => {
    const handle = (event: KeyboardEvent) => {
      if (isAddCommentShortcut(event) && commentActions.canComment) {
        event.preventDefault();
        return commentActions.startComment();
      }
      const action = matchWorkspaceShortcut(event);
      if (!action) return;
      // Alt+digit in a form field of the panel still switches; only the browser's own use is prevented.
      event.preventDefault();
      if (action === 'toggle') return toggle();
      setTab(action);
      if (action === 'find') setFindFocusKey((key) => key + 1);
    };
    document.addEventListener('keydown', handle);
    return () => document.removeEventListener('keydown', handle);
  }, [setTab, toggle, commentActions]);

  const style = { '--side-width': `${panel.width}px` } as CSSProperties;
  return (
    <div className={`workspace${panel.isCollapsed ? ' is-collapsed' : ''}`} style={style} data-testid="workspace">
      {live.provider ? <ReviewFollower provider={live.provider} onChange={onReviewChanged} /> : null}
      {live.provider && onRecordingChanged ? <RecordingFollower provider={live.provider} onChange={onRecordingChanged} /> : null}
      <div className="workspace-main">
        {header}
        <div className="workspace-dock" data-testid="media-dock">
          <LiveEditorContext.Provider value={liveEditor}>{dock}</LiveEditorContext.Provider>
        </div>
        <section className="transcript-body" data-testid="transcript-body" aria-label="Transcript text">
          <CommentActionsContext.Provider value={commentActions}>
            {provider ? (
              <CommentMarginProvider provider={provider} isOpen={isEditorShown}>
                <LiveTranscript live={live} role={transcript.role} onEditorReady={setEditor} />
              </CommentMarginProvider>
            ) : (
              <LiveTranscript live={live} role={transcript.role} onEditorReady={setEditor} />
            )}
          </CommentActionsContext.Provider>
        </section>
      </div>
      {panel.isCollapsed ? (
        <button type="button" className="workspace-rail" onClick={toggle} aria-expanded="false" aria-label="Show the side panel (Alt+0)" data-testid="show-side-panel">
          «
        </button>
      ) : (
        <>
          <div
            role="separator"
            aria-orientation="vertical"
            aria-label="Resize the side panel"
            aria-valuenow={panel.width}
            aria-valuemin={minSideWidth}
            aria-valuemax={maxSideWidth}
            tabIndex={0}
            className="workspace-separator"
            data-testid="side-panel-separator"
            {...panel.separator}
          />
          <aside className="workspace-side" aria-label="Side panel" data-testid="side-panel">
            {isSynced && live.provider ? (
              <SidePanel
                tab={panel.tab}
                onTab={setTab}
                onHide={toggle}
                transcriptId={transcript.id}
                role={role}
                provider={live.provider}
                editor={editor}
                canEdit={can(role, 'correct') && editor !== null}
                findFocusKey={findFocusKey}
                commentDraft={commentDraft}
                onCommentDraftDone={() => setCommentDraft(null)}
                currentCommentId={currentCommentId}
                onStatusChange={onStatusChange}
              />
            ) : (
              <LoadingState label="The panels open once the text has loaded…" />
            )}
          </aside>
        </>
      )}
    </div>
  );
}

/** Keeps the header's status badge true when someone else moves the review along. */
function ReviewFollower({ provider, onChange }: { provider: LiveTranscriptProvider; onChange: () => void }) {
  useLiveChanges(provider, ['review'], onChange);
  return null;
}

/** Tells the docked player when someone attached, replaced or detached the recording. */
function RecordingFollower({ provider, onChange }: { provider: LiveTranscriptProvider; onChange: () => void }) {
  useLiveChanges(provider, ['recording'], onChange);
  return null;
}
