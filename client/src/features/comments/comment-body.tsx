import type { ReactNode } from 'react';
import type { Comment } from '@verity/common';

/** Splits a comment's text at the @mentions the server recognised, longest names first. */
export function splitMentions(body: string, mentions: readonly { id: string; displayName: string }[]): ({ text: string } | { text: string; userId: string })[] {
  const names = [...mentions].sort((a, b) => b.displayName.length - a.displayName.length);
  const parts: ({ text: string } | { text: string; userId: string })[] = [];
  const lower = body.toLowerCase();
  let plain = '';
  for (let index = 0; index < body.length; ) {
    const person = body[index] === '@' ? names.find((entry) => lower.startsWith(`@${entry.displayName.toLowerCase()}`, index)) : undefined;
    if (!person) {
      plain += body[index];
      index++;
      continue;
    }
    if (plain) parts.push({ text: plain });
    plain = '';
    const length = person.displayName.length + 1;
    parts.push({ text: body.slice(index, index + length), userId: person.id });
    index += length;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}

/** A comment's text as plain text (never HTML), its mentions highlighted; mentions of `myId` stand out. */
export function CommentBody({ comment, myId }: { comment: Pick<Comment, 'body' | 'mentions'>; myId: string }): ReactNode {
  return (
    <p className="comment-body" data-testid="comment-body">
      {splitMentions(comment.body, comment.mentions).map((part, index) =>
        'userId' in part ? (
          <strong key={index} className={`mention${part.userId === myId ? ' is-me' : ''}`} data-testid="mention">
            {part.text}
          </strong>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
