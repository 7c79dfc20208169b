import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildTranscript, buildUser, TestClient } from '../testing/factories.ts';

type Actor = 'owner' | 'reviewer' | 'editor' | 'viewer' | 'outsider' | 'anonymous';
const actors: Actor[] = ['owner', 'reviewer', 'editor', 'viewer', 'outsider', 'anonymous'];

let db: TestDatabase;
let app: Express;
let clients: Record<Actor, TestClient>;
let userIds: Record<Exclude<Actor, 'anonymous'>, string>;
let emails: Record<Exclude<Actor, 'anonymous'>, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma);
  const built = await Promise.all((['owner', 'reviewer', 'editor', 'viewer', 'outsider'] as const).map((role) => buildUser(db.prisma, { displayName: role })));
  const [owner, reviewer, editor, viewer, outsider] = built as [typeof built[0], typeof built[0], typeof built[0], typeof built[0], typeof built[0]];
  userIds = { owner: owner.id, reviewer: reviewer.id, editor: editor.id, viewer: viewer.id, outsider: outsider.id };
  emails = { owner: owner.email, reviewer: reviewer.email, editor: editor.email, viewer: viewer.email, outsider: outsider.email };
  clients = {
    owner: await new TestClient(app).signIn(owner.email),
    reviewer: await new TestClient(app).signIn(reviewer.email),
    editor: await new TestClient(app).signIn(editor.email),
    viewer: await new TestClient(app).signIn(viewer.email),
    outsider: await new TestClient(app).signIn(outsider.email),
    anonymous: new TestClient(app),
  };
});
afterAll(() => db.drop());

/** A fresh transcript per check, so a delete or rename in one row cannot affect the next. */
async function freshTranscript() {
  const extra = await buildUser(db.prisma);
  return buildTranscript(db.prisma, {
    ownerId: userIds.owner,
    members: [
      { userId: userIds.reviewer, role: 'reviewer' },
      { userId: userIds.editor, role: 'editor' },
      { userId: userIds.viewer, role: 'viewer' },
      { userId: extra.id, role: 'viewer' },
    ],
  }).then((transcript) => ({ transcript, extraUserId: extra.id }));
}

interface RouteCase {
  name: string;
  call: (client: TestClient, ids: { transcriptId: string; extraUserId: string }) => Promise<{ status: number; body: { error?: { code: string } } }>;
  allowed: Actor[];
  okStatus: number;
}

const routeCases: RouteCase[] = [
  { name: 'GET transcript', call: (c, { transcriptId }) => c.get(`/api/transcripts/${transcriptId}`), allowed: ['owner', 'reviewer', 'editor', 'viewer'], okStatus: 200 },
  { name: 'PATCH transcript', call: (c, { transcriptId }) => c.patch(`/api/transcripts/${transcriptId}`, { title: 'Renamed' }), allowed: ['owner'], okStatus: 200 },
  { name: 'DELETE transcript', call: (c, { transcriptId }) => c.delete(`/api/transcripts/${transcriptId}`), allowed: ['owner'], okStatus: 204 },
  { name: 'GET members', call: (c, { transcriptId }) => c.get(`/api/transcripts/${transcriptId}/members`), allowed: ['owner', 'reviewer', 'editor', 'viewer'], okStatus: 200 },
  { name: 'POST member', call: (c, { transcriptId }) => c.post(`/api/transcripts/${transcriptId}/members`, { email: emails.outsider, role: 'viewer' }), allowed: ['owner'], okStatus: 201 },
  { name: 'PATCH member', call: (c, { transcriptId, extraUserId }) => c.patch(`/api/transcripts/${transcriptId}/members/${extraUserId}`, { role: 'editor' }), allowed: ['owner'], okStatus: 200 },
  { name: 'DELETE member', call: (c, { transcriptId, extraUserId }) => c.delete(`/api/transcripts/${transcriptId}/members/${extraUserId}`), allowed: ['owner'], okStatus: 204 },
  { name: 'POST invitation', call: (c, { transcriptId }) => c.post(`/api/transcripts/${transcriptId}/invitations`, { role: 'editor' }), allowed: ['owner'], okStatus: 201 },
];

/** Anonymous → 401; non-members → 404 (existence does not leak); members without the right → 403. */
function expectedStatus(actor: Actor, routeCase: RouteCase): number {
  if (actor === 'anonymous') return 401;
  if (actor === 'outsider') return 404;
  return routeCase.allowed.includes(actor) ? routeCase.okStatus : 403;
}

describe('every transcript route × every role', () => {
  for (const routeCase of routeCases) {
    for (const actor of actors) {
      it(`${routeCase.name} as ${actor} → ${expectedStatus(actor, routeCase)}`, async () => {
        const { transcript, extraUserId } = await freshTranscript();
        const response = await routeCase.call(clients[actor], { transcriptId: transcript.id, extraUserId });
        expect(response.status).toBe(expectedStatus(actor, routeCase));
        if (response.status >= 400) expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
      });
    }
  }
});

describe('transcripts', () => {
  it('lists only the transcripts the user belongs to, with their role', async () => {
    const { transcript } = await freshTranscript();
    const viewerList = await clients.viewer.get('/api/transcripts');
    expect(viewerList.body.transcripts.find((t: { id: string }) => t.id === transcript.id)).toMatchObject({ role: 'viewer', status: 'draft', ownerName: 'owner' });
    const outsiderList = await clients.outsider.get('/api/transcripts');
    expect(outsiderList.body.transcripts.map((t: { id: string }) => t.id)).not.toContain(transcript.id);
  });

  it('makes the creator the owner', async () => {
    const created = await clients.editor.post('/api/transcripts', { title: '  Plenary, day 2 ' });
    expect(created.status).toBe(201);
    expect(created.body.transcript).toMatchObject({ title: 'Plenary, day 2', role: 'owner', status: 'draft' });
  });

  it('answers 404, not 500, for ids that are not UUIDs', async () => {
    expect((await clients.owner.get('/api/transcripts/not-a-uuid')).status).toBe(404);
    expect((await clients.owner.get('/api/transcripts/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('reads an upper-case id as the same transcript and answers with the canonical id', async () => {
    const { transcript } = await freshTranscript();
    const shouted = transcript.id.toUpperCase();
    const response = await clients.owner.get(`/api/transcripts/${shouted}`);
    expect(response.status).toBe(200);
    expect(response.body.transcript.id).toBe(transcript.id);
    const member = await clients.owner.patch(`/api/transcripts/${shouted}/members/${userIds.editor.toUpperCase()}`, { role: 'viewer' });
    expect(member.status).toBe(200);
    expect(member.body.member.userId).toBe(userIds.editor);
    const badMember = await clients.owner.patch(`/api/transcripts/${transcript.id}/members/not-a-uuid`, { role: 'viewer' });
    expect(badMember.body).toEqual({ error: { code: 'not_found', message: 'No such member.' } });
  });

  it('rejects an empty title and writes nothing', async () => {
    const before = await db.prisma.transcript.count();
    const response = await clients.owner.post('/api/transcripts', { title: '   ' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^title: /);
    expect(await db.prisma.transcript.count()).toBe(before);
  });
});

describe('members and invitations', () => {
  it('adds an existing account by e-mail and refuses unknown e-mails and owner changes', async () => {
    const { transcript } = await freshTranscript();
    const newcomer = await buildUser(db.prisma);
    const added = await clients.owner.post(`/api/transcripts/${transcript.id}/members`, { email: newcomer.email.toUpperCase(), role: 'reviewer' });
    expect(added.body.member).toMatchObject({ userId: newcomer.id, role: 'reviewer' });
    const unknown = await clients.owner.post(`/api/transcripts/${transcript.id}/members`, { email: 'ghost@example.test', role: 'viewer' });
    expect(unknown.status).toBe(404);
    const promoteToOwner = await clients.owner.post(`/api/transcripts/${transcript.id}/members`, { email: emails.viewer, role: 'owner' });
    expect(promoteToOwner.status).toBe(400);
    const demoteOwner = await clients.owner.patch(`/api/transcripts/${transcript.id}/members/${userIds.owner}`, { role: 'viewer' });
    expect(demoteOwner.status).toBe(409);
  });

  it('lets someone join through an invitation link with its role', async () => {
    const { transcript } = await freshTranscript();
    const created = await clients.owner.post(`/api/transcripts/${transcript.id}/invitations`, { role: 'editor' });
    const { token, url } = created.body.invitation;
    expect(url).toMatch(new RegExp(`/invite/${token}$`));
    expect(await db.prisma.invitation.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    const guest = await buildUser(db.prisma);
    const client = await new TestClient(app).signIn(guest.email);
    expect((await client.get(`/api/invitations/${token}`)).body.invitation).toMatchObject({ transcriptId: transcript.id, role: 'editor' });
    expect((await client.post(`/api/invitations/${token}/accept`)).body).toEqual({ transcriptId: transcript.id, role: 'editor' });
    expect((await client.get(`/api/transcripts/${transcript.id}`)).body.transcript.role).toBe('editor');

    expect((await new TestClient(app).get(`/api/invitations/${token}`)).status).toBe(401);
    expect((await client.get('/api/invitations/forged-token')).status).toBe(404);
  });

  it('never lowers a role when a member accepts an invitation for a lesser one', async () => {
    const { transcript } = await freshTranscript();
    const { token } = (await clients.owner.post(`/api/transcripts/${transcript.id}/invitations`, { role: 'viewer' })).body.invitation;
    expect((await clients.reviewer.post(`/api/invitations/${token}/accept`)).body.role).toBe('reviewer');
  });
});
