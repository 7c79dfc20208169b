import { Router } from 'express';
import { approveRequestSchema, sendBackRequestSchema, submitRequestSchema } from '@verity/common';
import { approveTranscript } from '../review/approve-transcript.ts';
import { getReview } from '../review/get-review.ts';
import { sendBack } from '../review/send-back.ts';
import { submitForReview } from '../review/submit-for-review.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * The review workflow under /api/transcripts/:id/review: draft → in_review → approved. Every POST
 * answers with the new review state. There is no route that changes or removes an approval.
 */
export function reviewRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  const respond = async (transcriptId: string) => ({ review: await getReview({ prisma, liveSessions, transcriptId }) });

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json(await respond(currentAccess(res).transcriptId));
  });

  router.post(
    '/submit',
    requireTranscript(prisma, 'submitForReview'),
    validate({ body: submitRequestSchema }, async ({ body }, _req, res) => {
      const { transcriptId } = currentAccess(res);
      await submitForReview(prisma, { transcriptId, actorId: currentUser(res).id, comment: body.comment });
      res.json(await respond(transcriptId));
    }),
  );

  router.post(
    '/send-back',
    requireTranscript(prisma, 'approve'),
    validate({ body: sendBackRequestSchema }, async ({ body }, _req, res) => {
      const { transcriptId } = currentAccess(res);
      await sendBack(prisma, { transcriptId, actorId: currentUser(res).id, comment: body.comment });
      res.json(await respond(transcriptId));
    }),
  );

  router.post(
    '/approve',
    requireTranscript(prisma, 'approve'),
    validate({ body: approveRequestSchema }, async ({ body }, _req, res) => {
      const { transcriptId } = currentAccess(res);
      await approveTranscript({ prisma, liveSessions, transcriptId, actorId: currentUser(res).id, waiverReason: body.waiverReason });
      res.json(await respond(transcriptId));
    }),
  );

  return router;
}
