import { Router } from 'express';
import { acceptInvitation, createInvitation, findInvitation } from '../transcripts/invitations.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from '../transcripts/members.ts';
import { addMemberRequestSchema, changeMemberRoleRequestSchema, createInvitationRequestSchema } from '@verity/common';
import { currentAccess, currentUser, requireTranscript, requireUser } from './authentication.ts';
import type { RouteContext } from './route-context.ts';
import { validateBody } from './validate.ts';

/** Members of a transcript and invitation links, under /api/transcripts/:id. */
export function memberRoutes({ prisma, config }: RouteContext): Router {
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

  router.post('/invitations', requireTranscript(prisma, 'manageMembers'), validateBody(createInvitationRequestSchema), async (req, res) => {
    const invitation = await createInvitation(prisma, {
      transcriptId: currentAccess(res).transcriptId,
      createdById: currentUser(res).id,
      role: req.body.role,
      publicUrl: config.publicUrl,
    });
    res.status(201).json({ invitation });
  });

  return router;
}

/** Opening and accepting an invitation link, under /api/invitations. */
export function invitationRoutes({ prisma, config }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/:token', async (req, res) => {
    res.json({ invitation: await findInvitation(prisma, { token: String(req.params.token), publicUrl: config.publicUrl }) });
  });

  router.post('/:token/accept', async (req, res) => {
    res.json(await acceptInvitation(prisma, { token: String(req.params.token), userId: currentUser(res).id }));
  });

  return router;
}
