import { Router } from 'express';
import { commentParamsSchema, commentTextRequestSchema, createCommentRequestSchema, reattachCommentRequestSchema } from '@verity/common';
import { createComment } from '../comments/create-comment.ts';
import { editComment } from '../comments/edit-comment.ts';
import { listThreads } from '../comments/load-threads.ts';
import { reattachComment } from '../comments/reattach-comment.ts';
import { replyToComment } from '../comments/reply-to-comment.ts';
import { reopenComment, resolveComment } from '../comments/resolve-comment.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * Comments under /api/transcripts/:id/comments: members read them, commenters (editor and up) write,
 * reply and resolve; only the author edits a comment's text; the author may also resolve their own.
 */
export function commentRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ threads: await listThreads({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId }) });
  });

  router.post(
    '/',
    requireTranscript(prisma, 'comment'),
    validate({ body: createCommentRequestSchema }, async ({ body }, _req, res) => {
      const thread = await createComment({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, body: body.body, anchor: body.anchor });
      res.status(201).json({ thread });
    }),
  );

  router.post(
    '/:commentId/replies',
    requireTranscript(prisma, 'comment'),
    validate({ params: commentParamsSchema, body: commentTextRequestSchema }, async ({ params, body }, _req, res) => {
      const thread = await replyToComment({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, threadId: params.commentId, body: body.body });
      res.status(201).json({ thread });
    }),
  );

  router.patch(
    '/:commentId',
    requireTranscript(prisma, 'comment'),
    validate({ params: commentParamsSchema, body: commentTextRequestSchema }, async ({ params, body }, _req, res) => {
      res.json({ thread: await editComment({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, commentId: params.commentId, body: body.body }) });
    }),
  );

  router.post(
    '/:commentId/anchor',
    requireTranscript(prisma, 'comment'),
    validate({ params: commentParamsSchema, body: reattachCommentRequestSchema }, async ({ params, body }, _req, res) => {
      res.json({ thread: await reattachComment({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, threadId: params.commentId, anchor: body.anchor }) });
    }),
  );

  for (const [path, change] of [['/:commentId/resolve', resolveComment], ['/:commentId/reopen', reopenComment]] as const) {
    router.post(
      path,
      requireTranscript(prisma, 'read'),
      validate({ params: commentParamsSchema }, async ({ params }, _req, res) => {
        const { transcriptId, role } = currentAccess(res);
        res.json({ thread: await change({ prisma, liveSessions, transcriptId, role, actorId: currentUser(res).id, threadId: params.commentId }) });
      }),
    );
  }

  return router;
}
