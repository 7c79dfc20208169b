import { Router } from 'express';
import { exportQuerySchema } from '@verity/common';
import { exportTranscriptFile } from '../exports/export-transcript-file.ts';
import { currentAccess, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/**
 * GET /api/transcripts/:id/export?format=F[&version=N]: the file as an attachment named by
 * exportFileName; `x-verity-version`, `x-verity-sha256` and (with a recording)
 * `x-verity-recording-sha256` say what was exported. Any member may export.
 */
export function exportRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  router.get(
    '/',
    requireTranscript(prisma, 'export'),
    validate({ query: exportQuerySchema }, async ({ query }, _req, res) => {
      const file = await exportTranscriptFile({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, format: query.format, versionNumber: query.version, timecodes: query.timecodes });
      res.attachment(file.fileName);
      res.setHeader('content-type', file.mimeType);
      res.setHeader('x-verity-sha256', file.contentSha256);
      if (file.versionNumber !== null) res.setHeader('x-verity-version', String(file.versionNumber));
      if (file.recordingSha256 !== null) res.setHeader('x-verity-recording-sha256', file.recordingSha256);
      res.setHeader('cache-control', 'no-store');
      res.send(file.body);
    }),
  );
  return router;
}
