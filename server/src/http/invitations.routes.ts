import { Router } from 'express';
import { createInvitationRequestSchema, invitationIdParamsSchema, invitationTokenParamsSchema } from '@verity/common';
import { createInvitation } from '../transcripts/create-invitation.ts';
import { listInvitations, revokeInvitation } from '../transcripts/manage-invitations.ts';
import { acceptInvitation, previewInvitation } from '../transcripts/open-invitation.ts';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** A transcript's invitation links, under /api/transcripts/:id/invitations: owners only. */
export function transcriptInvitationRoutes({ prisma, config }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser, requireTranscript(prisma, 'manageMembers'));

  router.get('/', async (_req, res) => {
    res.json({ invitations: await listInvitations(prisma, { transcriptId: currentAccess(res).transcriptId }) });
  });

  router.post(
    '/',
    validate({ body: createInvitationRequestSchema }, async ({ body }, _req, res) => {
      const access = currentAccess(res);
      const invitation = await createInvitation(prisma, {
        transcriptId: access.transcriptId,
        createdById: currentUser(res).id,
        creatorRole: access.role,
        role: body.role,
        maxUses: body.maxUses,
        publicUrl: config.publicUrl,
      });
      res.status(201).json({ invitation });
    }),
  );

  router.post(
    '/:invitationId/revoke',
    validate({ params: invitationIdParamsSchema }, async ({ params }, _req, res) => {
      res.json({ invitation: await revokeInvitation(prisma, { transcriptId: currentAccess(res).transcriptId, invitationId: params.invitationId }) });
    }),
  );

  return router;
}

/** Previewing and accepting an invitation link, under /api/invitations: any signed-in account. */
export function invitationRoutes({ prisma, config }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get(
    '/:token',
    validate({ params: invitationTokenParamsSchema }, async ({ params }, _req, res) => {
      res.json({ invitation: await previewInvitation(prisma, { token: params.token, userId: currentUser(res).id, publicUrl: config.publicUrl }) });
    }),
  );

  router.post(
    '/:token/accept',
    validate({ params: invitationTokenParamsSchema }, async ({ params }, _req, res) => {
      res.json(await acceptInvitation(prisma, { token: params.token, userId: currentUser(res).id }));
    }),
  );

  return router;
}
