import { useEffect, useMemo, useRef, useState } from 'react';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { anchorBytesFromBase64, anchorBytesToBase64, can, createCommentAnchor, findUniqueQuote, readAnchorText, resolveCommentAnchor, type CommentThread, type Role } from '@verity/common';
import { createComment, reattachComment } from '../../api/comments.api.ts';
import { ApiError } from '../../api/api-error.ts';
import { listMembers } from '../../api/transcripts.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { blockOffsetRange } from '../../editor/offset-range.ts';
import type { TranscriptEditor } from '../../editor/types.ts';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { useCurrentUser } from '../auth/session-context.tsx';
import { addCommentShortcut } from './comment-actions.ts';
import { CommentThreadView } from './comment-thread.tsx';
import { MentionTextarea } from './mention-textarea.tsx';
import { selectionBlockRange, type CommentDraft } from './selection-anchor.ts';
import { commentThreadsStore, useCommentThreads } from './use-comment-threads.ts';

interface CommentsPanelProps {
  transcriptId: string;
  myRole: Role;
  provider: LiveTranscriptProvider;
  editor: TranscriptEditor | null;
  /** A comment being written on the words selected in the editor (null: none). */
  draft: CommentDraft | null;
  onDraftDone: () => void;
  /** The thread whose words were last clicked in the text: marked, and scrolled into view. */
  currentCommentId: string | null;
}

type StateFilter = 'open' | 'resolved' | 'all';

/**
 * Comments: threads on ranges of words, in reading order, with replies, resolve/reopen and @mentions;
 * filters for open/resolved and "mentions me". Live: another reviewer's comment, reply or resolve
 * shows within a second (the 'comments' topic), and each thread's words are read from this client's
 * own document, so they follow edits as they are typed. Clicking the words selects them in the text.
 */
export function CommentsPanel({ transcriptId, myRole, provider, editor, draft, onDraftDone, currentCommentId }: CommentsPanelProps) {
  const me = useCurrentUser();
  const state = useCommentThreads(provider);
  const store = commentThreadsStore(provider);
  const members = useApiQuery(`members:${transcriptId}`, (signal) => listMembers(transcriptId, signal));
  useLiveChanges(provider, ['members'], members.reload);
  const candidates = useMemo(() => (members.data ?? []).map((member) => ({ userId: member.userId, displayName: member.displayName })), [members.data]);
  const [filter, setFilter] = useState<StateFilter>('open');
  const [isMineOnly, setIsMineOnly] = useState(false);
  const canComment = can(myRole, 'comment');
  // Located again as the document changes (the shared, throttled snapshot), so each thread shows its words as they are now.
  const snapshot = useLiveSnapshot(provider.doc);
  const located = useMemo(() => (snapshot ? locateThreads(provider, editor, state.threads) : []), [snapshot, provider, editor, state.threads]);
  const shown = located.filter(({ thread }) => {
    if (filter === 'open' && thread.resolvedAt !== null) return false;
    if (filter === 'resolved' && thread.resolvedAt === null) return false;
    return !isMineOnly || mentionsMe(thread, me.id);
  });
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!currentCommentId) return;
    list.current?.querySelector(`[data-comment-id="${CSS.escape(currentCommentId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentCommentId]);
  const openCount = state.threads.filter((thread) => thread.resolvedAt === null).length;

  const reveal = (thread: CommentThread) => {
    const position = located.find((entry) => entry.thread.id === thread.id)?.position;
    const range = editor && position ? blockOffsetRange(editor, position.blockId, position.start, position.end) : null;
    if (!editor || !range) return;
    Transforms.select(editor, range);
    ReactEditor.focus(editor);
    ReactEditor.toDOMNode(editor, editor.children[range.anchor.path[0]!]!).scrollIntoView({ block: 'center' });
  };

  const reattach = (thread: CommentThread): Promise<CommentThread> => {
    const range = (editor ? selectionBlockRange(editor) : null) ?? findUniqueQuote(provider.doc, thread.quote);
    const anchor = range ? createCommentAnchor(provider.doc, range) : null;
    if (!anchor) return Promise.reject(new ApiError('invalid_anchor', `“${thread.quote}” is not in the text once: select the words in the text, then choose Attach again.`, 0));
    return reattachComment(transcriptId, thread.id, { start: anchorBytesToBase64(anchor.start), end: anchorBytesToBase64(anchor.end) });
  };

  return (
    <section className="panel comments-panel" aria-labelledby="comments-heading" data-testid="comments-panel">
      <div className="panel-heading">
        <h2 id="comments-heading">Comments</h2>
        <span className="muted" data-testid="comments-open-count">
          {openCount} open
        </span>
      </div>
      {draft ? <Composer transcriptId={transcriptId} draft={draft} members={candidates} onDone={onDraftDone} onCreated={(thread) => store.replace(thread)} /> : null}
      {!draft && canComment ? <p className="muted">Select words in the text, then choose Comment in the toolbar or press {addCommentShortcut.keys}.</p> : null}
      <div className="queue-filters comment-filters">
        <label className="field">
          <span className="field-label">Show</span>
          <select className="select select-compact" value={filter} onChange={(event) => setFilter(event.target.value as StateFilter)} data-testid="comments-filter">
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="find-option">
          <input type="checkbox" checked={isMineOnly} onChange={(event) => setIsMineOnly(event.target.checked)} data-testid="comments-mentions-me" /> Mentions me
        </label>
      </div>
      {state.status === 'loading' ? <LoadingState label="Loading comments…" /> : null}
      <PanelError error={state.status === 'error' ? state.error : undefined} onRetry={() => store.reload()} />
      {state.status === 'success' && shown.length === 0 ? <p className="muted">{state.threads.length === 0 ? 'No comments yet.' : 'No comments match.'}</p> : null}
      <ol ref={list} className="comment-threads" data-testid="comment-threads">
        {shown.map(({ thread, text }) => (
          <CommentThreadView
            key={thread.id}
            transcriptId={transcriptId}
            thread={thread}
            currentText={text}
            isCurrent={thread.id === currentCommentId}
            myId={me.id}
            canComment={canComment}
            members={candidates}
            onChanged={(changed) => store.replace(changed)}
            onReveal={() => reveal(thread)}
            onReattach={() => reattach(thread)}
          />
        ))}
      </ol>
    </section>
  );
}

interface ComposerProps {
  transcriptId: string;
  draft: CommentDraft;
  members: readonly { userId: string; displayName: string }[];
  onCreated: (thread: CommentThread) => void;
  onDone: () => void;
}

function Composer({ transcriptId, draft, members, onCreated, onDone }: ComposerProps) {
  const [body, setBody] = useState('');
  const action = useAsyncAction(async () => {
    try {
      return await createComment(transcriptId, body.trim(), draft.anchor);
    } catch (error) {
      // Words typed a moment ago may not have reached the server yet: give the sync a moment, once.
      if (!(error instanceof ApiError) || error.code !== 'invalid_anchor') throw error;
      await new Promise((resolve) => setTimeout(resolve, 800));
      return createComment(transcriptId, body.trim(), draft.anchor);
    }
  });
  const submit = async () => {
    if (body.trim() === '') return;
    const result = await action.run();
    if (!result.ok) return;
    onCreated(result.value);
    onDone();
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="comment-composer"
    >
      <p className="comment-quote-preview">On “{draft.quote.length > 200 ? `${draft.quote.slice(0, 199)}…` : draft.quote}”</p>
      <MentionTextarea value={body} onChange={setBody} members={members} label="Comment (@ to mention a member)" autoFocus onSubmit={() => void submit()} testId="comment-input" />
      <div className="review-actions">
        <button type="submit" className="button button-primary button-small" disabled={action.isPending || body.trim() === ''} data-testid="comment-submit">
          Comment
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
      <PanelError error={action.error} onDismiss={action.reset} />
    </form>
  );
}

function mentionsMe(thread: CommentThread, myId: string): boolean {
  return [thread, ...thread.replies].some((comment) => comment.mentions.some((person) => person.id === myId));
}

interface LocatedThread {
  thread: CommentThread;
  position: { blockId: string; start: number; end: number } | null;
  text: string | null;
}

/** Each thread's words in this client's document now, in reading order (detached threads last). */
function locateThreads(provider: LiveTranscriptProvider, editor: TranscriptEditor | null, threads: readonly CommentThread[]): LocatedThread[] {
  const order = new Map((editor?.children ?? []).map((block, index) => ['id' in block ? block.id : '', index]));
  const located = threads.map((thread): LocatedThread => {
    const start = anchorBytesFromBase64(thread.anchor.start);
    const end = anchorBytesFromBase64(thread.anchor.end);
    const position = start && end ? resolveCommentAnchor(provider.doc, { start, end }) : null;
    return { thread, position, text: position ? readAnchorText(provider.doc, position) : null };
  });
  const rank = (entry: LocatedThread) => (entry.position ? (order.get(entry.position.blockId) ?? Number.MAX_SAFE_INTEGER - 1) : Number.MAX_SAFE_INTEGER);
  return located.sort((a, b) => rank(a) - rank(b) || (a.position?.start ?? 0) - (b.position?.start ?? 0));
}
