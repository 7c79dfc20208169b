import { useState } from 'react';
import { can, countOpenIssues, type OpenIssues, type ReviewState, type Role, type TranscriptStatus } from '@verity/common';
import { approve, fetchReview, sendBack, submitForReview } from '../../api/review.api.ts';
import { useApiQuery } from '../../api/use-api-query.ts';
import { useAsyncAction } from '../../api/use-async-action.ts';
import { LoadingState } from '../../components/page-state.tsx';
import { PanelError } from '../../components/panel-error.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import type { LiveTranscriptProvider } from '../../realtime/live-transcript-provider.ts';
import { useLiveChanges } from '../../realtime/use-live-changes.ts';
import { useLiveSnapshot } from '../../realtime/use-live-snapshot.ts';
import { AccuracySummaryPanel } from './accuracy-summary.tsx';
import { ExportMenu } from './export-menu.tsx';
import { useCommentThreads } from '../comments/use-comment-threads.ts';
import { describeIssues, reviewActionLabels } from './review-labels.ts';

interface ReviewPanelProps {
  transcriptId: string;
  myRole: Role;
  provider: LiveTranscriptProvider;
  onStatusChange: (status: TranscriptStatus) => void;
}

/**
 * Review and sign-off: what blocks approval, the actions this role may take, and every authoritative
 * version; followed by the Export menu, which offers those versions. Live: what is open is counted
 * from the shared document as people edit, and the rest is re-read when the server says it changed.
 */
export function ReviewPanel({ transcriptId, myRole, provider, onStatusChange }: ReviewPanelProps) {
  const query = useApiQuery(`review:${transcriptId}`, (signal) => fetchReview(transcriptId, signal));
  useLiveChanges(provider, ['review', 'versions'], query.reload);
  const openIssues = countOpenIssues(useLiveSnapshot(provider.doc));
  // Open comment threads block approval too; the shared thread store follows them live.
  const comments = useCommentThreads(provider);
  const openComments = comments.status === 'success' ? comments.threads.filter((thread) => thread.resolvedAt === null).length : (query.data?.openComments ?? 0);
  function handleChanged(review: ReviewState) {
    query.setData(review);
    onStatusChange(review.status);
  }
  return (
    <>
    <section className="panel review-panel" aria-labelledby="review-heading" data-testid="review-panel">
      <div className="panel-heading">
        <h2 id="review-heading">Review</h2>
      </div>
      {query.status === 'loading' ? <LoadingState label="Loading review…" /> : null}
      <PanelError error={query.error} onRetry={query.reload} />
      {query.status === 'success' ? <ReviewBody transcriptId={transcriptId} myRole={myRole} review={query.data} openIssues={openIssues} openComments={openComments} onChanged={handleChanged} /> : null}
    </section>
    <AccuracySummaryPanel provider={provider} />
    <ExportMenu transcriptId={transcriptId} approvals={query.data?.approvals ?? []} />
    </>
  );
}

interface ReviewBodyProps {
  transcriptId: string;
  myRole: Role;
  review: ReviewState;
  /** Counted from the live document (the server counts the same when approving). */
  openIssues: OpenIssues;
  /** Unresolved comment threads. */
  openComments: number;
  onChanged: (review: ReviewState) => void;
}

function ReviewBody({ transcriptId, myRole, review, openIssues, openComments, onChanged }: ReviewBodyProps) {
  const issues = describeIssues(openIssues, openComments);
  return (
    <>
      <p className="review-issues" data-testid="open-issues">
        {issues ? `Open: ${issues}.` : 'Nothing left to resolve.'}
      </p>
      {review.status === 'draft' && can(myRole, 'submitForReview') ? <SubmitAction transcriptId={transcriptId} onChanged={onChanged} /> : null}
      {review.status === 'in_review' && can(myRole, 'approve') ? <ReviewerActions transcriptId={transcriptId} hasIssues={issues !== null} onChanged={onChanged} /> : null}
      {review.status === 'in_review' && !can(myRole, 'approve') ? <p className="muted">Waiting for a reviewer.</p> : null}
      <h3>Authoritative versions</h3>
      {review.approvals.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ol className="approval-list" data-testid="approval-list">
          {review.approvals.map((approval) => (
            <li key={approval.ordinal}>
              <strong>v{approval.ordinal}</strong> (version {approval.versionNumber}) by {approval.approver.displayName}, <RelativeTime value={approval.approvedAt} />
              <code className="hash" title={approval.contentSha256}>
                {approval.contentSha256.slice(0, 12)}…
              </code>
              {approval.recordingSha256 ? (
                <span className="muted" title={`Recording SHA-256 ${approval.recordingSha256}`}>
                  {' '}
                  checked against recording {approval.recordingSha256.slice(0, 12)}…
                </span>
              ) : null}
              {approval.waiverReason ? <span className="muted"> Waived: {approval.waiverReason}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {review.events.length > 0 ? (
        <details>
          <summary>Workflow log ({review.events.length})</summary>
          <ul className="review-log">
            {review.events.map((event, index) => (
              <li key={index}>
                {reviewActionLabels[event.action]} by {event.actor?.displayName ?? 'Verity'}, <RelativeTime value={event.at} />
                {event.comment ? <q>{event.comment}</q> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function SubmitAction({ transcriptId, onChanged }: { transcriptId: string; onChanged: (review: ReviewState) => void }) {
  const action = useAsyncAction(() => submitForReview(transcriptId));
  return (
    <div className="review-actions">
      <button
        type="button"
        className="button button-primary"
        disabled={action.isPending}
        onClick={async () => {
          const result = await action.run();
          if (result.ok) onChanged(result.value);
        }}
      >
        Send to review
      </button>
      <PanelError error={action.error} onDismiss={action.reset} />
    </div>
  );
}

function ReviewerActions({ transcriptId, hasIssues, onChanged }: { transcriptId: string; hasIssues: boolean; onChanged: (review: ReviewState) => void }) {
  const [waiver, setWaiver] = useState('');
  const [comment, setComment] = useState('');
  const approval = useAsyncAction(() => approve(transcriptId, hasIssues ? waiver.trim() : undefined));
  const sending = useAsyncAction(() => sendBack(transcriptId, comment.trim()));
  return (
    <div className="review-actions">
      {hasIssues ? (
        <label className="field">
          <span className="field-label">Waiver reason (required to approve with open issues or comments)</span>
          <textarea value={waiver} onChange={(event) => setWaiver(event.target.value)} rows={2} data-testid="waiver-reason" />
        </label>
      ) : null}
      <button
        type="button"
        className="button button-primary"
        disabled={approval.isPending || (hasIssues && waiver.trim() === '')}
        onClick={async () => {
          const result = await approval.run();
          if (result.ok) onChanged(result.value);
        }}
      >
        {hasIssues ? 'Approve with waiver' : 'Approve'}
      </button>
      <PanelError error={approval.error} onDismiss={approval.reset} />
      <label className="field">
        <span className="field-label">Comment for the editors</span>
        <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={2} data-testid="send-back-comment" />
      </label>
      <button
        type="button"
        className="button button-secondary"
        disabled={sending.isPending || comment.trim() === ''}
        onClick={async () => {
          const result = await sending.run();
          if (result.ok) onChanged(result.value);
        }}
      >
        Send back
      </button>
      <PanelError error={sending.error} onDismiss={sending.reset} />
    </div>
  );
}
