import { useState } from 'react';
import type { Comment, CommentThread } from '@verity/common';
import { editComment, reopenComment, replyToComment, resolveComment } from '../../api/comments.api.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { PanelError } from '../../components/panel-error.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { CommentBody } from './comment-body.tsx';
import { MentionTextarea, type MentionCandidate } from './mention-textarea.tsx';

interface CommentThreadViewProps {
  transcriptId: string;
  thread: CommentThread;
  /** The words as they read now in this client's document; null when they were deleted. */
  currentText: string | null;
  /** Its words were the last commented words clicked in the text. */
  isCurrent: boolean;
  myId: string;
  canComment: boolean;
  members: readonly MentionCandidate[];
  onChanged: (thread: CommentThread) => void;
  onReveal: () => void;
  /** Pins a detached thread to the selected words, or to its quote where that occurs once. */
  onReattach: () => Promise<CommentThread>;
}

/** One thread: its words (click to go there), the comment and its replies, reply, edit one's own, resolve or reopen. */
export function CommentThreadView({ transcriptId, thread, currentText, isCurrent, myId, canComment, members, onChanged, onReveal, onReattach }: CommentThreadViewProps) {
  const [reply, setReply] = useState('');
  const action = useAsyncAction((change: () => Promise<CommentThread>) => change());
  const run = async (change: () => Promise<CommentThread>) => {
    const result = await action.run(change);
    if (result.ok) onChanged(result.value);
    return result.ok;
  };
  const sendReply = async () => {
    if (reply.trim() !== '' && (await run(() => replyToComment(transcriptId, thread.id, reply.trim())))) setReply('');
  };
  const isResolved = thread.resolvedAt !== null;
  const canResolve = canComment || thread.author.id === myId;

  return (
    <li className={`comment-thread${isResolved ? ' is-resolved' : ''}${isCurrent ? ' is-current' : ''}`} data-testid="comment-thread" data-comment-id={thread.id} aria-current={isCurrent || undefined}>
      <button type="button" className="comment-quote" onClick={onReveal} disabled={currentText === null} title={currentText === null ? 'The words were deleted' : 'Show in the text'} data-testid="comment-quote">
        {currentText === null ? (
          <>
            <del>“{thread.quote}”</del> <span className="muted">(the words were deleted)</span>
          </>
        ) : (
          <>“{currentText}”</>
        )}
      </button>
      {currentText === null && canComment ? (
        <button type="button" className="button button-ghost button-small" disabled={action.isPending} onClick={() => run(onReattach)} title="To the words selected in the text, or to the quoted words where they occur once" data-testid="comment-reattach">
          Attach again
        </button>
      ) : null}
      <CommentItem transcriptId={transcriptId} comment={thread} myId={myId} canEdit={canComment && thread.author.id === myId} members={members} run={run} />
      {thread.replies.length > 0 ? (
        <ol className="comment-replies" data-testid="comment-replies">
          {thread.replies.map((entry) => (
            <li key={entry.id} data-testid="comment-reply">
              <CommentItem transcriptId={transcriptId} comment={entry} myId={myId} canEdit={canComment && entry.author.id === myId} members={members} run={run} />
            </li>
          ))}
        </ol>
      ) : null}
      {isResolved ? (
        <p className="muted comment-resolved" data-testid="comment-resolved">
          Resolved by {thread.resolvedBy?.displayName ?? 'a former member'}, <RelativeTime value={thread.resolvedAt!} />
        </p>
      ) : null}
      {canComment && !isResolved ? (
        <form
          className="comment-reply-form"
          onSubmit={(event) => {
            event.preventDefault();
            void sendReply();
          }}
        >
          <MentionTextarea value={reply} onChange={setReply} members={members} label="Reply" testId="comment-reply-input" onSubmit={() => void sendReply()} />
          <button type="submit" className="button button-secondary button-small" disabled={action.isPending || reply.trim() === ''} data-testid="comment-reply-submit">
            Reply
          </button>
        </form>
      ) : null}
      {canResolve ? (
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={action.isPending}
          onClick={() => run(() => (isResolved ? reopenComment(transcriptId, thread.id) : resolveComment(transcriptId, thread.id)))}
          data-testid={isResolved ? 'comment-reopen' : 'comment-resolve'}
        >
          {isResolved ? 'Reopen' : 'Resolve'}
        </button>
      ) : null}
      <PanelError error={action.error} onDismiss={action.reset} />
    </li>
  );
}

interface CommentItemProps {
  transcriptId: string;
  comment: Comment;
  myId: string;
  canEdit: boolean;
  members: readonly MentionCandidate[];
  run: (change: () => Promise<CommentThread>) => Promise<boolean>;
}

function CommentItem({ transcriptId, comment, myId, canEdit, members, run }: CommentItemProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft !== null && draft.trim() && (await run(() => editComment(transcriptId, comment.id, draft.trim())))) setDraft(null);
  };
  return (
    <div className="comment" data-testid="comment">
      <p className="comment-byline muted">
        <strong>{comment.author.displayName}</strong>, <RelativeTime value={comment.createdAt} />
        {comment.editedAt ? ' (edited)' : ''}
        {canEdit && draft === null ? (
          <button type="button" className="button button-ghost button-small" onClick={() => setDraft(comment.body)} data-testid="comment-edit">
            Edit
          </button>
        ) : null}
      </p>
      {draft === null ? (
        <CommentBody comment={comment} myId={myId} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <MentionTextarea value={draft} onChange={setDraft} members={members} label="Edit your comment" autoFocus onSubmit={() => void save()} testId="comment-edit-input" />
          <button type="submit" className="button button-primary button-small" disabled={draft.trim() === ''} data-testid="comment-edit-save">
            Save
          </button>
          <button type="button" className="button button-ghost button-small" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
