import { Router } from 'express';
import { addMember, changeMemberRole, listMembers, removeMember } from '../transcripts/members.ts';
import { addMemberRequestSchema, changeMemberRoleRequestSchema } from '@verity/common';
import { currentAccess, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validateBody } from './validate.ts';

/** Members of a transcript, under /api/transcripts/:id (invitation links: invitations.routes.ts). */
export function memberRoutes({ prisma }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);

  router.get('/members', requireTranscript(prisma, 'read'), async (_req, res) => {
    res.json({ members: await listMembers(prisma, { transcriptId: currentAccess(res).transcriptId }) });
  });

  router.post('/members', requireTranscript(prisma, 'manageMembers'), validateBody(addMemberRequestSchema), async (req, res) => {
    res.status(201).json({ member: await addMember(prisma, { transcriptId: currentAccess(res).transcriptId, ...req.body }) });
  });

  router.patch('/members/:userId', requireTranscript(prisma, 'manageMembers'), validateBody(changeMemberRoleRequestSchema), async (req, res) => {
    const member = await changeMemberRole(prisma, { transcriptId: currentAccess(res).transcriptId, userId: String(req.params.userId), role: req.body.role });
    res.json({ member });
  });

  router.delete('/members/:userId', requireTranscript(prisma, 'manageMembers'), async (req, res) => {
    await removeMember(prisma, { transcriptId: currentAccess(res).transcriptId, userId: String(req.params.userId) });
    res.status(204).end();
  });

  return router;
}
