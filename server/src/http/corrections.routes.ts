import { Router } from 'express';
import { classifyCorrectionRequestSchema, correctionParamsSchema, correctionsQuerySchema } from '@verity/common';
import { classifyCorrection, clearCorrectionClass } from '../corrections/classify-correction.ts';
import { listTranscriptCorrections } from '../corrections/list-transcript-corrections.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * Corrections raw → current and their NER classes under /api/transcripts/:id/corrections: members read
 * them, correctors (editors, reviewers, owners) classify, reclassify and clear.
 */
export function correctionRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get(
    '/',
    requireTranscript(prisma, 'read'),
    validate({ query: correctionsQuerySchema }, async ({ query }, _req, res) => {
      res.json(await listTranscriptCorrections({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, turnId: query.turnId }));
    }),
  );

  router.post(
    '/:key',
    requireTranscript(prisma, 'correct'),
    validate({ params: correctionParamsSchema, body: classifyCorrectionRequestSchema }, async ({ params, body }, _req, res) => {
      const correction = await classifyCorrection({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, key: params.key, actorId: currentUser(res).id, grade: body });
      res.json({ correction });
    }),
  );

  router.delete(
    '/:key',
    requireTranscript(prisma, 'correct'),
    validate({ params: correctionParamsSchema }, async ({ params }, _req, res) => {
      await clearCorrectionClass({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, key: params.key, actorId: currentUser(res).id });
      res.status(204).end();
    }),
  );

  return router;
}
