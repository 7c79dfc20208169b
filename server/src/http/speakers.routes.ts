import { Router } from 'express';
import { mergeSpeakersRequestSchema, speakerParamsSchema, updateSpeakerRequestSchema } from '@verity/common';
import { listSpeakers, mergeSpeakers, updateSpeaker } from '../speakers/manage-speakers.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** The speaker roster under /api/transcripts/:id/speakers: members read it, correctors change it. */
export function speakerRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json(await listSpeakers({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId }));
  });

  router.post(
    '/merge',
    requireTranscript(prisma, 'manageSpeakers'),
    validate({ body: mergeSpeakersRequestSchema }, async ({ body }, _req, res) => {
      const { transcriptId } = currentAccess(res);
      res.json(await mergeSpeakers({ prisma, liveSessions, transcriptId, actorId: currentUser(res).id, into: body.into, from: body.from }));
    }),
  );

  router.patch(
    '/:speakerId',
    requireTranscript(prisma, 'manageSpeakers'),
    validate({ params: speakerParamsSchema, body: updateSpeakerRequestSchema }, async ({ params, body }, _req, res) => {
      const { transcriptId } = currentAccess(res);
      res.json(await updateSpeaker({ prisma, liveSessions, transcriptId, actorId: currentUser(res).id, speakerId: params.speakerId, changes: body }));
    }),
  );

  return router;
}
