import { Router } from 'express';
import { mergeSpeakersRequestSchema, updateSpeakerRequestSchema } from '@verity/common';
import { listSpeakers, mergeSpeakers, updateSpeaker } from '../speakers/manage-speakers.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validateBody } from './validate.ts';

/** The speaker roster under /api/transcripts/:id/speakers: members read it, correctors change it. */
export function speakerRoutes({ prisma, liveSessions }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json(await listSpeakers({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId }));
  });

  router.post('/merge', requireTranscript(prisma, 'manageSpeakers'), validateBody(mergeSpeakersRequestSchema), async (req, res) => {
    const { into, from } = req.body as { into: string; from: string[] };
    res.json(await mergeSpeakers({ prisma, liveSessions, transcriptId: currentAccess(res).transcriptId, actorId: currentUser(res).id, into, from }));
  });

  router.patch('/:speakerId', requireTranscript(prisma, 'manageSpeakers'), validateBody(updateSpeakerRequestSchema), async (req, res) => {
    const { transcriptId } = currentAccess(res);
    res.json(await updateSpeaker({ prisma, liveSessions, transcriptId, actorId: currentUser(res).id, speakerId: String(req.params.speakerId), changes: req.body }));
  });

  return router;
}
