import { Router } from 'express';
import { recordResolutionRequestSchema } from '@verity/common';
import { listQueueState } from '../queue/list-queue-state.ts';
import { recordResolution } from '../queue/record-resolution.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * The review queue's record under /api/transcripts/:id/queue: members read how items were resolved
 * and which are dismissed; correctors record a resolution. The change itself (a speaker, a merge, a
 * confirmed span) goes through the live document; this keeps who did it, when and how.
 */
export function queueRoutes({ prisma }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json(await listQueueState(prisma, { transcriptId: currentAccess(res).transcriptId }));
  });

  router.post(
    '/resolutions',
    requireTranscript(prisma, 'correct'),
    validate({ body: recordResolutionRequestSchema }, async ({ body }, _req, res) => {
      const resolution = await recordResolution(prisma, { transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, request: body });
      res.status(201).json({ resolution });
    }),
  );

  return router;
}
