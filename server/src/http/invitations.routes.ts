import { Router } from 'express';
import { createInvitationRequestSchema } from '@verity/common';
import { createInvitation } from '../transcripts/create-invitation.ts';
import { listInvitations, revokeInvitation } from '../transcripts/manage-invitations.ts';
import { acceptInvitation, previewInvitation } from '../transcripts/open-invitation.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { parseInput } from './validate.ts';

/** A transcript's invitation links, under /api/transcripts/:id/invitations: owners only. */
export function transcriptInvitationRoutes({ prisma, config }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser, requireTranscript(prisma, 'manageMembers'));

  router.get('/', async (_req, res) => {
    res.json({ invitations: await listInvitations(prisma, { transcriptId: currentAccess(res).transcriptId }) });
  });

  router.post('/', async (req, res) => {
    const { role, maxUses } = parseInput(createInvitationRequestSchema, req.body ?? {});
    const access = currentAccess(res);
    const invitation = await createInvitation(prisma, {
      transcriptId: access.transcriptId,
      createdById: currentUser(res).id,
      creatorRole: access.role,
      role,
      maxUses,
      publicUrl: config.publicUrl,
    });
    res.status(201).json({ invitation });
  });

  router.post('/:invitationId/revoke', async (req, res) => {
    res.json({ invitation: await revokeInvitation(prisma, { transcriptId: currentAccess(res).transcriptId, invitationId: String(req.params.invitationId) }) });
  });

  return router;
}

/** Previewing and accepting an invitation link, under /api/invitations: any signed-in account. */
export function invitationRoutes({ prisma, config }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/:token', async (req, res) => {
    res.json({ invitation: await previewInvitation(prisma, { token: String(req.params.token), userId: currentUser(res).id, publicUrl: config.publicUrl }) });
  });

  router.post('/:token/accept', async (req, res) => {
    res.json(await acceptInvitation(prisma, { token: String(req.params.token), userId: currentUser(res).id }));
  });

  return router;
}
