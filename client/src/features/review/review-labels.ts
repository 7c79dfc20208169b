import type { OpenIssues, ReviewAction } from '@verity/common';

/** How each workflow step reads in the log. */
export const reviewActionLabels: Record<ReviewAction, string> = {
  submitted: 'Sent to review',
  sent_back: 'Sent back',
  approved: 'Approved',
  reopened: 'Edited after approval (new draft)',
};

/** "2 uncertain spans, 1 unattributed turn, 3 open comments", or null when nothing is open. */
export function describeIssues(issues: OpenIssues, openComments = 0): string | null {
  const parts: string[] = [];
  if (issues.uncertainSpans > 0) parts.push(`${issues.uncertainSpans} uncertain span${issues.uncertainSpans === 1 ? '' : 's'}`);
  if (issues.unattributedTurns > 0) parts.push(`${issues.unattributedTurns} unattributed turn${issues.unattributedTurns === 1 ? '' : 's'}`);
  if (openComments > 0) parts.push(`${openComments} open comment${openComments === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : null;
}
