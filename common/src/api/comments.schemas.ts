import { z } from 'zod';
import { uuidParam } from './params.schemas.ts';

/** Longest comment or reply, in characters: a note to a colleague, not a document. */
export const maxCommentLength = 4000;
/** Longest encoded relative position accepted: a real one is a few bytes (two varints and a flag). */
export const maxAnchorBytes = 64;

const commentBodySchema = z.string().trim().min(1, 'must not be empty').max(maxCommentLength, `must be at most ${maxCommentLength} characters`);

/** A Yjs relative position (Y.encodeRelativePosition) in base64; the server decodes and resolves it. */
const anchorBytesSchema = z
  .string()
  .max(Math.ceil(maxAnchorBytes / 3) * 4, 'is not an anchor')
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'is not an anchor')
  .min(1, 'is not an anchor');

/** Where a comment is pinned: the first and last commented characters, as Yjs relative positions. */
export const commentAnchorSchema = z.object({ start: anchorBytesSchema, end: anchorBytesSchema });
export type CommentAnchorBytes = z.infer<typeof commentAnchorSchema>;

/** POST …/comments: a new thread on a range of words. */
export const createCommentRequestSchema = z.object({ body: commentBodySchema, anchor: commentAnchorSchema });
export type CreateCommentRequest = z.infer<typeof createCommentRequestSchema>;

/** POST …/comments/:commentId/replies, PATCH …/comments/:commentId: the text of a reply or an edit. */
export const commentTextRequestSchema = z.object({ body: commentBodySchema });
export type CommentTextRequest = z.infer<typeof commentTextRequestSchema>;

/** POST …/comments/:commentId/anchor: pins a thread to other words (a detached one, again to its words). */
export const reattachCommentRequestSchema = z.object({ anchor: commentAnchorSchema });
export type ReattachCommentRequest = z.infer<typeof reattachCommentRequestSchema>;

export const commentParamsSchema = z.object({ commentId: uuidParam('No such comment on this transcript.') });

const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** One comment or reply as members see it; `mentions` are the members named with @ in the body. */
export const commentSchema = z.object({
  id: z.string(),
  author: personSchema,
  body: z.string(),
  mentions: z.array(personSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

/** Where the anchor's words are in the current document; null when they were all deleted (detached). */
export const commentPositionSchema = z.object({ turnId: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() });
export type CommentPosition = z.infer<typeof commentPositionSchema>;

/** A thread: the first comment with its anchor, quote, state and replies (oldest first). */
export const commentThreadSchema = commentSchema.extend({
  anchor: commentAnchorSchema,
  /** The words as they read when the comment was made. */
  quote: z.string(),
  position: commentPositionSchema.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: personSchema.nullable(),
  replies: z.array(commentSchema),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

export const commentThreadResponseSchema = z.object({ thread: commentThreadSchema });
export type CommentThreadResponse = z.infer<typeof commentThreadResponseSchema>;

export const commentListResponseSchema = z.object({ threads: z.array(commentThreadSchema) });
export type CommentListResponse = z.infer<typeof commentListResponseSchema>;
