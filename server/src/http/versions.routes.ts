import { Router } from 'express';
import { AppError } from '@verity/common';
import { getVersion } from '../versions/get-version.ts';
import { currentAccess, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';

/** A transcript's stored versions, under /api/transcripts/:id/versions; any member may read them. */
export function versionRoutes({ prisma }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  router.get('/:number', requireTranscript(prisma, 'read'), async (req, res) => {
    const number = String(req.params.number);
    if (!/^\d{1,9}$/.test(number)) throw new AppError('not_found', 'No such version.');
    res.json({ version: await getVersion(prisma, { transcriptId: currentAccess(res).transcriptId, number: Number(number) }) });
  });
  return router;
}
