import { Router, type Response } from 'express';
import { activityQuerySchema, compareQuerySchema, createVersionRequestSchema, turnParamsSchema, versionParamsSchema } from '@verity/common';
import { compareVersions } from '../history/compare-versions.ts';
import { computeBlame } from '../history/compute-blame.ts';
import { createVersion } from '../history/create-version.ts';
import { listActivity } from '../history/list-activity.ts';
import { getVersion } from '../history/get-version.ts';
import { findVersionSummary, listVersions } from '../history/list-versions.ts';
import { restoreTurn, restoreVersion } from '../history/restore-version.ts';
import { currentAccess, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * History under /api/transcripts/:id: versions (with their content), compare, activity, blame, restore. Members read;
 * editors and up create named versions and restore. Nothing here edits or deletes a version.
 */
export function historyRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  const transcriptId = (res: Response) => currentAccess(res).transcriptId;
  const summaryOf = async (res: Response, number: number) => findVersionSummary(prisma, { transcriptId: transcriptId(res), number });

  router.get('/versions', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ versions: await listVersions(prisma, { transcriptId: transcriptId(res) }) });
  });

  router.post(
    '/versions',
    requireTranscript(prisma, 'correct'),
    validate({ body: createVersionRequestSchema }, async ({ body }, _req, res) => {
      const { userId } = currentAccess(res);
      const row = await createVersion({ prisma, liveSessions, transcriptId: transcriptId(res), kind: 'named', name: body.name, note: body.note ?? null, actorId: userId });
      res.status(201).json({ version: await summaryOf(res, row.number) });
    }),
  );

  router.get(
    '/versions/:number',
    requireTranscript(prisma, 'read'),
    validate({ params: versionParamsSchema }, async ({ params }, _req, res) => {
      res.json({ version: await getVersion(prisma, { transcriptId: transcriptId(res), number: params.number }) });
    }),
  );

  router.get(
    '/compare',
    requireTranscript(prisma, 'read'),
    validate({ query: compareQuerySchema }, async ({ query }, _req, res) => {
      res.json(await compareVersions({ prisma, liveSessions, transcriptId: transcriptId(res), from: query.from, to: query.to }));
    }),
  );

  router.get(
    '/activity',
    requireTranscript(prisma, 'read'),
    validate({ query: activityQuerySchema }, async ({ query }, _req, res) => {
      res.json(await listActivity(prisma, { transcriptId: transcriptId(res), beforeSeq: query.before }));
    }),
  );

  router.get('/blame', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json(await computeBlame(prisma, { transcriptId: transcriptId(res) }));
  });

  router.post(
    '/versions/:number/restore',
    requireTranscript(prisma, 'correct'),
    validate({ params: versionParamsSchema }, async ({ params }, _req, res) => {
      const { userId } = currentAccess(res);
      const { version, seq } = await restoreVersion({ prisma, liveSessions, transcriptId: transcriptId(res), number: params.number, actorId: userId });
      res.json({ version: await summaryOf(res, version.number), seq });
    }),
  );

  router.post(
    '/versions/:number/turns/:turnId/restore',
    requireTranscript(prisma, 'correct'),
    validate({ params: turnParamsSchema }, async ({ params }, _req, res) => {
      const { userId } = currentAccess(res);
      const { version, seq } = await restoreTurn({ prisma, liveSessions, transcriptId: transcriptId(res), number: params.number, turnId: params.turnId, actorId: userId });
      res.json({ version: await summaryOf(res, version.number), seq });
    }),
  );

  return router;
}
