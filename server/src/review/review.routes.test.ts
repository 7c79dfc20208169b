import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { hashTranscript, transcriptSchema } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { subscribeReview } from '../realtime/subscribe-review.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { cartWithIssues, cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

type Actor = 'owner' | 'reviewer' | 'editor' | 'viewer' | 'outsider' | 'anonymous';
const actors: Actor[] = ['owner', 'reviewer', 'editor', 'viewer', 'outsider', 'anonymous'];
type Person = Exclude<Actor, 'anonymous'>;

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let clients: Record<Actor, TestClient>;
let ids: Record<Person, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  const logger = createLogger({ level: 'silent' });
  // As index.ts wires it: the app and the review subscription share one registry.
  subscribeReview({ liveSessions, prisma: db.prisma, logger });
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger, liveSessions });
  const people = ['owner', 'reviewer', 'editor', 'viewer', 'outsider'] as const;
  const users = await Promise.all(people.map((name) => buildUser(db.prisma, { displayName: name })));
  ids = Object.fromEntries(people.map((name, index) => [name, users[index]!.id])) as Record<Person, string>;
  clients = { anonymous: new TestClient(app) } as Record<Actor, TestClient>;
  for (const [index, name] of people.entries()) clients[name] = await new TestClient(app).signIn(users[index]!.email);
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

/** A transcript with every role as a member, imported from `text`, moved to `status` by the owner. */
async function transcriptIn(status: 'draft' | 'in_review' | 'approved', text = cleanCart) {
  const transcript = await importAs(db.prisma, {
    ownerId: ids.owner,
    text,
    fileName: 'hearing.txt',
    title: 'Hearing',
    members: [
      { userId: ids.reviewer, role: 'reviewer' },
      { userId: ids.editor, role: 'editor' },
      { userId: ids.viewer, role: 'viewer' },
    ],
  });
  const base = `/api/transcripts/${transcript.id}/review`;
  if (status !== 'draft') expect((await clients.owner.post(`${base}/submit`, {})).status).toBe(200);
  if (status === 'approved') expect((await clients.owner.post(`${base}/approve`, { waiverReason: 'test setup' })).status).toBe(200);
  return { id: transcript.id, base };
}

describe('workflow permissions: each role × each transition', () => {
  const transitions = [
    { name: 'submit (draft → in_review)', from: 'draft', path: 'submit', body: {}, allowed: ['owner', 'reviewer', 'editor'], to: 'in_review' },
    { name: 'send back (in_review → draft)', from: 'in_review', path: 'send-back', body: { comment: 'Check turn 2.' }, allowed: ['owner', 'reviewer'], to: 'draft' },
    { name: 'approve (in_review → approved)', from: 'in_review', path: 'approve', body: {}, allowed: ['owner', 'reviewer'], to: 'approved' },
  ] as const;
  for (const transition of transitions) {
    for (const actor of actors) {
      const expected = actor === 'anonymous' ? 401 : actor === 'outsider' ? 404 : (transition.allowed as readonly string[]).includes(actor) ? 200 : 403;
      it(`${transition.name} as ${actor} → ${expected}`, async () => {
        const { id, base } = await transcriptIn(transition.from);
        const response = await clients[actor].post(`${base}/${transition.path}`, transition.body);
        expect(response.status).toBe(expected);
        const { status } = await db.prisma.transcript.findUniqueOrThrow({ where: { id } });
        expect(status).toBe(expected === 200 ? transition.to : transition.from);
        if (expected === 200) expect(response.body.review.status).toBe(transition.to);
      });
    }
  }

  it('lets every member read the review state, and nobody else', async () => {
    const { base } = await transcriptIn('draft');
    for (const actor of ['owner', 'reviewer', 'editor', 'viewer'] as const) expect((await clients[actor].get(base)).status).toBe(200);
    expect((await clients.outsider.get(base)).status).toBe(404);
    expect((await clients.anonymous.get(base)).status).toBe(401);
  });

  it.each([
    ['approve a draft', 'draft', 'approve', {}],
    ['send back a draft', 'draft', 'send-back', { comment: 'x' }],
    ['submit twice', 'in_review', 'submit', {}],
    ['approve twice', 'approved', 'approve', { waiverReason: 'again' }],
    ['send back an approved transcript', 'approved', 'send-back', { comment: 'x' }],
  ] as const)('refuses to %s with 409', async (_name, from, path, body) => {
    const { id, base } = await transcriptIn(from);
    const response = await clients.owner.post(`${base}/${path}`, body);
    expect(response.status).toBe(409);
    expect((await db.prisma.transcript.findUniqueOrThrow({ where: { id } })).status).toBe(from);
  });

  it('lets exactly one of two concurrent approvals through, with one approval version and one approvals row', async () => {
    const { id, base } = await transcriptIn('in_review');
    const responses = await Promise.all([clients.reviewer.post(`${base}/approve`, {}), clients.owner.post(`${base}/approve`, {})]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(await db.prisma.transcriptVersion.count({ where: { transcriptId: id, kind: 'approval' } })).toBe(1);
    expect(await db.prisma.approval.count({ where: { transcriptId: id } })).toBe(1);
    const events = await db.prisma.reviewEvent.findMany({ where: { transcriptId: id, action: 'approved' } });
    expect(events).toHaveLength(1);
  });

  it('records who moved the transcript, and the send-back comment', async () => {
    const { base } = await transcriptIn('in_review');
    expect((await clients.reviewer.post(`${base}/send-back`, { comment: '   ' })).status).toBe(400);
    const sent = await clients.reviewer.post(`${base}/send-back`, { comment: 'Turn 2 names the wrong body.' });
    expect(sent.body.review.events.map((event: { action: string; actor: { displayName: string } | null; comment: string | null }) => [event.action, event.actor?.displayName, event.comment])).toEqual([
      ['submitted', 'owner', null],
      ['sent_back', 'reviewer', 'Turn 2 names the wrong body.'],
    ]);
  });
});

describe('approval guard and waiver', () => {
  it('refuses approval while uncertain spans or unattributed turns remain', async () => {
    const { id, base } = await transcriptIn('in_review', cartWithIssues);
    const state = await clients.reviewer.get(base);
    expect(state.body.review.openIssues).toEqual({ uncertainSpans: 1, unattributedTurns: 1 });
    const refused = await clients.reviewer.post(`${base}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('1 uncertain span and 1 unattributed turn remain. Resolve them, or approve with a waiver reason.');
    expect(await db.prisma.approval.count({ where: { transcriptId: id } })).toBe(0);
    expect(await db.prisma.transcriptVersion.count({ where: { transcriptId: id, kind: 'approval' } })).toBe(0);
  });

  it('approves with an explicit waiver and records the reason', async () => {
    const { base } = await transcriptIn('in_review', cartWithIssues);
    const approved = await clients.reviewer.post(`${base}/approve`, { waiverReason: 'Inaudible in the recording too.' });
    expect(approved.status).toBe(200);
    expect(approved.body.review.approvals).toEqual([
      expect.objectContaining({ ordinal: 1, versionNumber: 1, waiverReason: 'Inaudible in the recording too.', approver: expect.objectContaining({ displayName: 'reviewer' }) }),
    ]);
    expect(approved.body.review.events.at(-1)).toMatchObject({ action: 'approved', comment: 'Waived: Inaudible in the recording too.' });
  });

  it('records no waiver when there was nothing to waive', async () => {
    const { base } = await transcriptIn('in_review');
    const approved = await clients.owner.post(`${base}/approve`, { waiverReason: 'not needed' });
    expect(approved.body.review.approvals[0].waiverReason).toBeNull();
  });
});

describe('authoritative versions', () => {
  it('stores an approval version whose hash is the hash of its content', async () => {
    const { id } = await transcriptIn('approved');
    const approval = await db.prisma.approval.findFirstOrThrow({ where: { transcriptId: id }, include: { version: true } });
    expect(approval.version.kind).toBe('approval');
    expect(approval.contentSha256).toBe(approval.version.contentSha256);
    expect(approval.contentSha256).toBe(await hashTranscript(transcriptSchema.parse(approval.version.content)));
  });

  it('cannot be changed or removed with SQL', async () => {
    const { id } = await transcriptIn('approved');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(client.query(`UPDATE approvals SET waiver_reason = 'edited' WHERE transcript_id = $1`, [id])).rejects.toThrow(/approvals are immutable \(UPDATE refused\)/);
      await expect(client.query(`UPDATE approvals SET content_sha256 = 'x' WHERE transcript_id = $1`, [id])).rejects.toThrow(/immutable/);
      await expect(client.query(`DELETE FROM approvals WHERE transcript_id = $1`, [id])).rejects.toThrow(/approvals are immutable \(DELETE refused\)/);
      await expect(client.query(`UPDATE transcript_versions SET content_sha256 = 'x' WHERE transcript_id = $1 AND kind = 'approval'`, [id])).rejects.toThrow(/immutable/);
      await expect(client.query(`DELETE FROM transcript_versions WHERE transcript_id = $1 AND kind = 'approval'`, [id])).rejects.toThrow(/immutable/);
      await expect(client.query(`UPDATE review_events SET comment = 'x' WHERE transcript_id = $1`, [id])).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect(await db.prisma.approval.count({ where: { transcriptId: id } })).toBe(1);
  });

  it('cannot be changed through any route', async () => {
    const { id, base } = await transcriptIn('approved');
    const before = await db.prisma.approval.findFirstOrThrow({ where: { transcriptId: id }, include: { version: true } });
    const attempts = [
      clients.owner.patch(`/api/transcripts/${id}/versions/1`, { name: 'x' }),
      clients.owner.delete(`/api/transcripts/${id}/versions/1`),
      clients.owner.post(`/api/transcripts/${id}/versions/1`, {}),
      clients.owner.patch(`${base}`, { status: 'draft' }),
      clients.owner.delete(`${base}`),
      clients.owner.patch(`${base}/approvals/1`, { waiverReason: 'x' }),
      clients.owner.delete(`${base}/approvals/1`),
      clients.owner.post(`${base}/approve`, { waiverReason: 'twice' }),
      clients.owner.post(`${base}/send-back`, { comment: 'undo' }),
      clients.owner.delete(`/api/transcripts/${id}`),
    ];
    for (const response of await Promise.all(attempts)) expect([404, 409]).toContain(response.status);
    const after = await db.prisma.approval.findFirstOrThrow({ where: { transcriptId: id }, include: { version: true } });
    expect(after).toEqual(before);
    expect((await clients.owner.delete(`/api/transcripts/${id}`)).body.error.message).toMatch(/cannot be deleted/);
  });

  it('lets the owner delete a transcript that was never approved', async () => {
    const { id } = await transcriptIn('in_review');
    expect((await clients.owner.delete(`/api/transcripts/${id}`)).status).toBe(204);
  });

  it('starts the next draft on an edit after approval and keeps the list of authoritative versions', async () => {
    const { id, base } = await transcriptIn('approved');
    const speakers = await clients.editor.get(`/api/transcripts/${id}/speakers`);
    const ana = speakers.body.speakers.find((entry: { speaker: { label: string } }) => entry.speaker.label === 'ANA LOPEZ').speaker;
    expect((await clients.editor.patch(`/api/transcripts/${id}/speakers/${ana.id}`, { displayName: 'Ana López' })).status).toBe(200);
    await expect.poll(async () => (await db.prisma.transcript.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
    const reopened = await clients.viewer.get(base);
    expect(reopened.body.review.events.at(-1)).toMatchObject({ action: 'reopened', actor: { displayName: 'editor' } });
    expect(reopened.body.review.approvals).toHaveLength(1);

    await clients.editor.post(`${base}/submit`, {});
    const second = await clients.reviewer.post(`${base}/approve`, {});
    expect(second.body.review.approvals.map((approval: { ordinal: number; versionNumber: number }) => [approval.ordinal, approval.versionNumber])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const [first, latest] = second.body.review.approvals as { contentSha256: string }[];
    expect(first!.contentSha256).not.toBe(latest!.contentSha256);
  });
});
