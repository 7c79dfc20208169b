import { anchorBytesToBase64, type Comment, type CommentPosition, type CommentThread } from '@verity/common';
import type { Prisma } from '../db/prisma.ts';

const person = { select: { id: true, displayName: true } } as const;
const commentInclude = { author: person, mentions: { include: { user: person } } } as const;

/** What presentThread needs loaded with a thread's row: people, mentions and replies (oldest first). */
export const threadInclude = {
  ...commentInclude,
  resolvedBy: person,
  replies: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: commentInclude },
} as const satisfies Prisma.CommentInclude;

type CommentRow = Prisma.CommentGetPayload<{ include: typeof commentInclude }>;
/** A thread's row as loaded with threadInclude. */
export type ThreadRow = Prisma.CommentGetPayload<{ include: typeof threadInclude }>;

/** A comment or reply as members see it; mentions in name order. */
export function presentComment(row: CommentRow): Comment {
  return {
    id: row.id,
    author: { id: row.author.id, displayName: row.author.displayName },
    body: row.body,
    mentions: row.mentions.map(({ user }) => ({ id: user.id, displayName: user.displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** A thread with where its words are now (`position` null: detached), as members see it. */
export function presentThread(row: ThreadRow, position: CommentPosition | null): CommentThread {
  return {
    ...presentComment(row),
    anchor: { start: anchorBytesToBase64(row.anchorStart ?? new Uint8Array()), end: anchorBytesToBase64(row.anchorEnd ?? new Uint8Array()) },
    quote: row.quote ?? '',
    position,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy ? { id: row.resolvedBy.id, displayName: row.resolvedBy.displayName } : null,
    replies: row.replies.map(presentComment),
  };
}
