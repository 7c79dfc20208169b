import { Router } from 'express';
import { createTranscriptRequestSchema, updateTranscriptRequestSchema } from '@verity/common';
import { createTranscript } from '../transcripts/create-transcript.ts';
import { getTranscript, listTranscripts } from '../transcripts/list-transcripts.ts';
import { deleteTranscript, renameTranscript } from '../transcripts/manage-transcript.ts';
import { presentTranscript } from '../transcripts/transcript.presenter.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** Transcripts the signed-in user belongs to. */
export function transcriptRoutes({ prisma }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/', async (_req, res) => {
    res.json({ transcripts: await listTranscripts(prisma, { userId: currentUser(res).id }) });
  });

  router.post(
    '/',
    validate({ body: createTranscriptRequestSchema }, async ({ body }, _req, res) => {
      const transcript = await createTranscript(prisma, { ownerId: currentUser(res).id, title: body.title });
      res.status(201).json({ transcript: presentTranscript(transcript, 'owner') });
    }),
  );

  router.get('/:id', requireTranscript(prisma, 'read'), async (_req, res) => {
    const { transcriptId, role } = currentAccess(res);
    res.json({ transcript: await getTranscript(prisma, { transcriptId, role }) });
  });

  router.patch(
    '/:id',
    requireTranscript(prisma, 'manageTranscript'),
    validate({ body: updateTranscriptRequestSchema }, async ({ body }, _req, res) => {
      const { transcriptId, role } = currentAccess(res);
      res.json({ transcript: presentTranscript(await renameTranscript(prisma, { transcriptId, title: body.title }), role) });
    }),
  );

  router.delete('/:id', requireTranscript(prisma, 'manageTranscript'), async (_req, res) => {
    await deleteTranscript(prisma, { transcriptId: currentAccess(res).transcriptId });
    res.status(204).end();
  });

  return router;
}
