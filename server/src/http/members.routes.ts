import { Router } from 'express';
import { addMember, changeMemberRole, listMembers, removeMember } from '../transcripts/members.ts';
import { addMemberRequestSchema, changeMemberRoleRequestSchema, memberParamsSchema } from '@verity/common';
import { currentAccess, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validate } from './validate.ts';

/** Members of a transcript, under /api/transcripts/:id (invitation links: invitations.routes.ts). */
export function memberRoutes({ prisma }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/members', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ members: await listMembers(prisma, { transcriptId: currentAccess(res).transcriptId }) });
  });

  router.post(
    '/members',
    requireTranscript(prisma, 'manageMembers'),
    validate({ body: addMemberRequestSchema }, async ({ body }, _req, res) => {
      res.status(201).json({ member: await addMember(prisma, { transcriptId: currentAccess(res).transcriptId, email: body.email, role: body.role }) });
    }),
  );

  router.patch(
    '/members/:userId',
    requireTranscript(prisma, 'manageMembers'),
    validate({ params: memberParamsSchema, body: changeMemberRoleRequestSchema }, async ({ params, body }, _req, res) => {
      res.json({ member: await changeMemberRole(prisma, { transcriptId: currentAccess(res).transcriptId, userId: params.userId, role: body.role }) });
    }),
  );

  router.delete(
    '/members/:userId',
    requireTranscript(prisma, 'manageMembers'),
    validate({ params: memberParamsSchema }, async ({ params }, _req, res) => {
      await removeMember(prisma, { transcriptId: currentAccess(res).transcriptId, userId: params.userId });
      res.status(204).end();
    }),
  );

  return router;
}
