import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { domainEvents } from '../events/domain-events.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';

type Actor = 'owner' | 'reviewer' | 'editor' | 'viewer' | 'outsider' | 'anonymous';
const actors: Actor[] = ['owner', 'reviewer', 'editor', 'viewer', 'outsider', 'anonymous'];

let db: TestDatabase;
let app: Express;
let clients: Record<Actor, TestClient>;
let ownerId: string;
let memberIds: Record<'reviewer' | 'editor' | 'viewer', string>;

beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma);
  const [owner, reviewer, editor, viewer, outsider] = await Promise.all(['owner', 'reviewer', 'editor', 'viewer', 'outsider'].map((name) => buildUser(db.prisma, { displayName: name })));
  ownerId = owner!.id;
  memberIds = { reviewer: reviewer!.id, editor: editor!.id, viewer: viewer!.id };
  clients = {
    owner: await new TestClient(app).signIn(owner!.email),
    reviewer: await new TestClient(app).signIn(reviewer!.email),
    editor: await new TestClient(app).signIn(editor!.email),
    viewer: await new TestClient(app).signIn(viewer!.email),
    outsider: await new TestClient(app).signIn(outsider!.email),
    anonymous: new TestClient(app),
  };
});
afterAll(() => db.drop());

async function freshTranscript(title = 'Board meeting') {
  return buildTranscript(db.prisma, {
    ownerId,
    title,
    members: [
      { userId: memberIds.reviewer, role: 'reviewer' },
      { userId: memberIds.editor, role: 'editor' },
      { userId: memberIds.viewer, role: 'viewer' },
    ],
  });
}

async function createLink(transcriptId: string, body: object = { role: 'editor' }) {
  const response = await clients.owner.post(`/api/transcripts/${transcriptId}/invitations`, body);
  expect(response.status).toBe(201);
  return response.body.invitation as { token: string; maxUses: number; uses: number };
}

async function newAccount() {
  const user = await buildUser(db.prisma);
  return { user, client: await new TestClient(app).signIn(user.email) };
}

function membershipOf(transcriptId: string, userId: string) {
  return db.prisma.membership.findUnique({ where: { transcriptId_userId: { transcriptId, userId } } });
}

async function linkIdOf(transcriptId: string) {
  const listed = await clients.owner.get(`/api/transcripts/${transcriptId}/invitations`);
  return listed.body.invitations[0].id as string;
}

describe('who manages invitation links', () => {
  const cases = [
    { name: 'list', okStatus: 200, call: (c: TestClient, id: string) => c.get(`/api/transcripts/${id}/invitations`) },
    { name: 'create', okStatus: 201, call: (c: TestClient, id: string) => c.post(`/api/transcripts/${id}/invitations`, { role: 'viewer', maxUses: 2 }) },
    { name: 'revoke', okStatus: 200, call: async (c: TestClient, id: string) => c.post(`/api/transcripts/${id}/invitations/${await linkIdOf(id)}/revoke`) },
  ];
  for (const routeCase of cases) {
    for (const actor of actors) {
      const expected = actor === 'anonymous' ? 401 : actor === 'outsider' ? 404 : actor === 'owner' ? routeCase.okStatus : 403;
      it(`${routeCase.name} as ${actor} → ${expected}`, async () => {
        const transcript = await freshTranscript();
        await createLink(transcript.id);
        const response = await routeCase.call(clients[actor], transcript.id);
        expect(response.status).toBe(expected);
        if (expected >= 400) {
          expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
          expect(JSON.stringify(response.body)).not.toMatch(/invitations|token/);
        }
      });
    }
  }
});

describe('invitation links', () => {
  it('lists every link with role, creator, uses, expiry and revocation, newest first, without tokens', async () => {
    const transcript = await freshTranscript();
    const first = await createLink(transcript.id, { role: 'viewer' });
    await createLink(transcript.id, { role: 'reviewer', maxUses: 5 });
    const list = (await clients.owner.get(`/api/transcripts/${transcript.id}/invitations`)).body.invitations;
    expect(list).toEqual([
      { id: expect.any(String), role: 'reviewer', createdBy: 'owner', createdAt: expect.any(String), expiresAt: expect.any(String), maxUses: 5, uses: 0, revokedAt: null, state: 'active' },
      { id: expect.any(String), role: 'viewer', createdBy: 'owner', createdAt: expect.any(String), expiresAt: expect.any(String), maxUses: 1, uses: 0, revokedAt: null, state: 'active' },
    ]);
    expect(JSON.stringify(list)).not.toContain(first.token);
    const other = await freshTranscript();
    expect((await clients.owner.get(`/api/transcripts/${other.id}/invitations`)).body.invitations).toEqual([]);
  });

  it('is single-use unless the owner asks for more, and refuses a bad number of uses', async () => {
    const transcript = await freshTranscript();
    expect(await createLink(transcript.id)).toMatchObject({ maxUses: 1, uses: 0 });
    expect(await createLink(transcript.id, { role: 'editor', maxUses: 1000 })).toMatchObject({ maxUses: 1000 });
    for (const maxUses of [0, -1, 1.5, 1001, '3', null]) {
      const response = await clients.owner.post(`/api/transcripts/${transcript.id}/invitations`, { role: 'editor', maxUses });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^maxUses: /);
    }
    expect((await clients.owner.post(`/api/transcripts/${transcript.id}/invitations`, { role: 'owner' })).status).toBe(400);
    expect(await db.prisma.invitation.count({ where: { transcriptId: transcript.id } })).toBe(2);
  });

  it('shows the transcript and role before joining, and joins only on accept', async () => {
    const transcript = await freshTranscript('Council minutes 12 May');
    const { token } = await createLink(transcript.id, { role: 'reviewer' });
    const guest = await newAccount();
    const preview = await guest.client.get(`/api/invitations/${token}`);
    expect(preview.body.invitation).toMatchObject({ transcriptId: transcript.id, transcriptTitle: 'Council minutes 12 May', role: 'reviewer', invitedBy: 'owner', uses: 0, maxUses: 1, memberRole: null });
    expect(await membershipOf(transcript.id, guest.user.id)).toBeNull();
    expect((await guest.client.post(`/api/invitations/${token}/accept`)).body).toEqual({ transcriptId: transcript.id, role: 'reviewer' });
    expect(await membershipOf(transcript.id, guest.user.id)).toMatchObject({ role: 'reviewer' });
    // Reopening the (now used) link just says they are in; it grants and uses nothing.
    expect((await guest.client.get(`/api/invitations/${token}`)).body.invitation).toMatchObject({ memberRole: 'reviewer', uses: 1, maxUses: 1 });
    expect((await guest.client.post(`/api/invitations/${token}/accept`)).body).toEqual({ transcriptId: transcript.id, role: 'reviewer' });
  });

  it('counts uses: a second account cannot use a single-use link, a third cannot use a two-use one', async () => {
    const transcript = await freshTranscript();
    const single = await createLink(transcript.id);
    const [a, b, c] = [await newAccount(), await newAccount(), await newAccount()];
    expect((await a.client.post(`/api/invitations/${single.token}/accept`)).status).toBe(200);
    for (const response of [await b.client.get(`/api/invitations/${single.token}`), await b.client.post(`/api/invitations/${single.token}/accept`)]) {
      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(/single-use link and has been used/);
    }
    expect(await membershipOf(transcript.id, b.user.id)).toBeNull();

    const double = await createLink(transcript.id, { role: 'viewer', maxUses: 2 });
    expect((await b.client.post(`/api/invitations/${double.token}/accept`)).status).toBe(200);
    expect((await c.client.get(`/api/invitations/${double.token}`)).body.invitation).toMatchObject({ uses: 1, maxUses: 2 });
    expect((await c.client.post(`/api/invitations/${double.token}/accept`)).status).toBe(200);
    const third = await newAccount();
    const refused = await third.client.post(`/api/invitations/${double.token}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/used all 2 times/);
    expect(await membershipOf(transcript.id, third.user.id)).toBeNull();
    const listed = (await clients.owner.get(`/api/transcripts/${transcript.id}/invitations`)).body.invitations;
    expect(listed.map((link: { uses: number; maxUses: number; state: string }) => [link.uses, link.maxUses, link.state])).toEqual([[2, 2, 'used_up'], [1, 1, 'used_up']]);
  });

  it('announces a membership it creates or raises (so open connections follow), and nothing else', async () => {
    const transcript = await freshTranscript();
    const { token } = await createLink(transcript.id, { role: 'editor', maxUses: 3 });
    const events: unknown[] = [];
    const stop = domainEvents.on('membershipChanged', (event) => events.push(event));
    try {
      const guest = await newAccount();
      await guest.client.post(`/api/invitations/${token}/accept`);
      await clients.viewer.post(`/api/invitations/${token}/accept`);
      await clients.reviewer.post(`/api/invitations/${token}/accept`);
      expect(events).toEqual([
        { transcriptId: transcript.id, userId: guest.user.id, role: 'editor' },
        { transcriptId: transcript.id, userId: memberIds.viewer, role: 'editor' },
      ]);
    } finally {
      stop();
    }
  });

  it('uses nothing up when a member who already has as much accepts', async () => {
    const transcript = await freshTranscript();
    const { token } = await createLink(transcript.id, { role: 'viewer' });
    expect((await clients.editor.get(`/api/invitations/${token}`)).body.invitation.memberRole).toBe('editor');
    expect((await clients.editor.post(`/api/invitations/${token}/accept`)).body).toEqual({ transcriptId: transcript.id, role: 'editor' });
    expect((await clients.owner.post(`/api/invitations/${token}/accept`)).body.role).toBe('owner');
    const guest = await newAccount();
    expect((await guest.client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
  });

  it('refuses a revoked link with a clear error and creates no membership; revoking again keeps the first time', async () => {
    const transcript = await freshTranscript();
    const { token } = await createLink(transcript.id, { role: 'editor', maxUses: 10 });
    const id = await linkIdOf(transcript.id);
    const revoked = await clients.owner.post(`/api/transcripts/${transcript.id}/invitations/${id}/revoke`);
    expect(revoked.body.invitation).toMatchObject({ id, state: 'revoked', revokedAt: expect.any(String) });
    const again = await clients.owner.post(`/api/transcripts/${transcript.id}/invitations/${id}/revoke`);
    expect(again.body.invitation.revokedAt).toBe(revoked.body.invitation.revokedAt);
    const guest = await newAccount();
    for (const response of [await guest.client.get(`/api/invitations/${token}`), await guest.client.post(`/api/invitations/${token}/accept`)]) {
      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(/revoked by the transcript’s owner/);
    }
    expect(await membershipOf(transcript.id, guest.user.id)).toBeNull();
  });

  it('revokes only links of the transcript in the path', async () => {
    const mine = await freshTranscript();
    const theirs = await freshTranscript();
    await createLink(theirs.id);
    const theirLink = await linkIdOf(theirs.id);
    for (const id of [theirLink, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
      const response = await clients.owner.post(`/api/transcripts/${mine.id}/invitations/${encodeURIComponent(id)}/revoke`);
      expect(response.status).toBe(404);
    }
    expect((await db.prisma.invitation.findUniqueOrThrow({ where: { id: theirLink } })).revokedAt).toBeNull();
  });

  it('refuses an expired link with a clear error and creates no membership', async () => {
    const transcript = await freshTranscript();
    const { token } = await createLink(transcript.id);
    await db.prisma.invitation.updateMany({ where: { transcriptId: transcript.id }, data: { expiresAt: new Date('2026-01-02T00:00:00Z') } });
    const guest = await newAccount();
    const refused = await guest.client.post(`/api/invitations/${token}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/expired on 2026-01-02/);
    expect(await membershipOf(transcript.id, guest.user.id)).toBeNull();
    expect((await clients.owner.get(`/api/transcripts/${transcript.id}/invitations`)).body.invitations[0].state).toBe('expired');
    expect((await guest.client.get('/api/invitations/forged-token')).status).toBe(404);
  });

  it('keeps a removed member out through any link, old or new, until the owner adds them back by e-mail', async () => {
    const transcript = await freshTranscript();
    const { token } = await createLink(transcript.id, { role: 'editor', maxUses: 5 });
    const guest = await newAccount();
    expect((await guest.client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    expect((await clients.owner.delete(`/api/transcripts/${transcript.id}/members/${guest.user.id}`)).status).toBe(204);

    const fresh = await createLink(transcript.id, { role: 'viewer' });
    for (const link of [token, fresh.token]) {
      for (const response of [await guest.client.get(`/api/invitations/${link}`), await guest.client.post(`/api/invitations/${link}/accept`)]) {
        expect(response.status).toBe(403);
        expect(response.body.error.message).toMatch(/You were removed from this transcript/);
      }
    }
    expect(await membershipOf(transcript.id, guest.user.id)).toBeNull();
    expect((await guest.client.get(`/api/transcripts/${transcript.id}`)).status).toBe(404);
    const listed = (await clients.owner.get(`/api/transcripts/${transcript.id}/invitations`)).body.invitations;
    expect(listed.map((link: { uses: number }) => link.uses)).toEqual([0, 1]);

    expect((await clients.owner.post(`/api/transcripts/${transcript.id}/members`, { email: guest.user.email, role: 'viewer' })).status).toBe(201);
    expect((await guest.client.post(`/api/invitations/${token}/accept`)).body.role).toBe('editor');
    expect(await db.prisma.memberRemoval.count({ where: { transcriptId: transcript.id } })).toBe(0);
  });

  it('gives the last use to exactly one of many accounts racing for it', async () => {
    const transcript = await freshTranscript();
    const single = await createLink(transcript.id);
    const double = await createLink(transcript.id, { role: 'viewer', maxUses: 2 });
    const everyone: Awaited<ReturnType<typeof newAccount>>[] = [];
    for (const [link, winners] of [[single.token, 1], [double.token, 2]] as const) {
      const racers = await Promise.all(Array.from({ length: 6 }, () => newAccount()));
      everyone.push(...racers);
      const responses = await Promise.all(racers.map((racer) => racer.client.post(`/api/invitations/${link}/accept`)));
      expect(responses.map((response) => response.status).sort()).toEqual([...Array<number>(winners).fill(200), ...Array<number>(6 - winners).fill(409)]);
      expect(responses.filter((response) => response.status === 409).every((response) => /cannot be used again/.test(response.body.error.message))).toBe(true);
    }
    expect(await db.prisma.membership.count({ where: { transcriptId: transcript.id, userId: { in: everyone.map((racer) => racer.user.id) } } })).toBe(3);
    expect((await db.prisma.invitation.findMany({ where: { transcriptId: transcript.id }, orderBy: { maxUses: 'asc' } })).map((row) => row.useCount)).toEqual([1, 2]);
  });

  it('the database refuses a use count past the limit, whatever the code does', async () => {
    const transcript = await freshTranscript();
    await createLink(transcript.id);
    await expect(db.prisma.invitation.updateMany({ where: { transcriptId: transcript.id }, data: { useCount: 2 } })).rejects.toThrow();
  });
});
