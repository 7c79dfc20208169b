import type { ReactNode } from 'react';
import { useCommentActions } from './comment-actions.ts';
import type { CommentLeaf } from './comment-decorations.ts';

/**
 * Wraps a leaf's text in the comment highlight when an open thread covers it (Slate's idiom: marks
 * nest inside the leaf element, which keeps its attributes), so it composes with uncertain spans,
 * glossary hits and the authors overlay.
 */
export function markCommented(leaf: object, children: ReactNode): ReactNode {
  const { commentId } = leaf as CommentLeaf;
  if (commentId === undefined) return children;
  return <CommentedText commentId={commentId}>{children}</CommentedText>;
}

/** Clicking the words (which also places the caret) makes their thread the current one in the Comments tab. */
function CommentedText({ commentId, children }: { commentId: string; children: ReactNode }) {
  const { showComment } = useCommentActions();
  return (
    <span className="commented" data-comment-id={commentId} data-testid="commented" title="Commented — see the Comments tab (Alt+4)" onClick={() => showComment(commentId)}>
      {children}
    </span>
  );
}
