import {
  apiRoutes,
  commentListResponseSchema,
  commentThreadResponseSchema,
  type CommentAnchorBytes,
  type CommentThread,
} from '@verity/common';
import { apiRequest } from './api-client.ts';

/** Every thread on the transcript, each anchor resolved against the server's current document. */
export async function listComments(transcriptId: string, signal?: AbortSignal): Promise<CommentThread[]> {
  return (await apiRequest(apiRoutes.comments(transcriptId), { schema: commentListResponseSchema, signal })).threads;
}

/** Starts a thread on the words between the anchor's two relative positions. */
export async function createComment(transcriptId: string, body: string, anchor: CommentAnchorBytes): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.comments(transcriptId), { method: 'POST', body: { body, anchor }, schema: commentThreadResponseSchema })).thread;
}

/** Adds a reply to a thread (`commentId` is the thread's first comment). */
export async function replyToComment(transcriptId: string, commentId: string, body: string): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.commentReplies(transcriptId, commentId), { method: 'POST', body: { body }, schema: commentThreadResponseSchema })).thread;
}

/** Changes the text of one's own comment or reply; answers with its whole thread. */
export async function editComment(transcriptId: string, commentId: string, body: string): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.comment(transcriptId, commentId), { method: 'PATCH', body: { body }, schema: commentThreadResponseSchema })).thread;
}

/** Marks a thread resolved (the queue's one-click action too); resolving a resolved thread changes nothing. */
export async function resolveComment(transcriptId: string, commentId: string): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.resolveComment(transcriptId, commentId), { method: 'POST', schema: commentThreadResponseSchema })).thread;
}

/** Opens a resolved thread again. */
export async function reopenComment(transcriptId: string, commentId: string): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.reopenComment(transcriptId, commentId), { method: 'POST', schema: commentThreadResponseSchema })).thread;
}

/** Pins a thread to other words (a detached thread, again to its words). */
export async function reattachComment(transcriptId: string, commentId: string, anchor: CommentAnchorBytes): Promise<CommentThread> {
  return (await apiRequest(apiRoutes.reattachComment(transcriptId, commentId), { method: 'POST', body: { anchor }, schema: commentThreadResponseSchema })).thread;
}
