import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import * as Y from 'yjs';
import { anchorBytesToBase64, contentKey, createCommentAnchor, type CommentThread } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { loadConfig } from '../config.ts';
import { domainEvents } from '../events/domain-events.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
const clients: Record<'owner' | 'editor' | 'reviewer' | 'viewer' | 'outsider', TestClient> = {} as never;
const ids: Record<keyof typeof clients, string> = {} as never;

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  for (const name of Object.keys({ owner: 0, editor: 0, reviewer: 0, viewer: 0, outsider: 0 }) as (keyof typeof clients)[]) {
    const user = await buildUser(db.prisma, { displayName: `${name[0]!.toUpperCase()}${name.slice(1)} ${Math.random().toString(36).slice(2, 6)}` });
    ids[name] = user.id;
    clients[name] = await new TestClient(app).signIn(user.email);
  }
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

async function importClean(): Promise<string> {
  const transcript = await importAs(db.prisma, {
    ownerId: ids.owner,
    text: cleanCart,
    fileName: 'hearing.txt',
    members: [
      { userId: ids.editor, role: 'editor' },
      { userId: ids.reviewer, role: 'reviewer' },
      { userId: ids.viewer, role: 'viewer' },
    ],
  });
  return transcript.id;
}

/** The live document's first turn ("Good morning. The GFCE said so."). */
function firstTurn(doc: Y.Doc): Y.XmlText {
  return (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert;
}

/** An anchor on `words` in the first turn, made from the server's live document (as a synced client would). */
async function anchorOn(transcriptId: string, words: string) {
  return liveSessions.withSession(transcriptId, async (session) => {
    const turn = firstTurn(session.doc);
    const start = turn.toString().indexOf(words);
    const anchor = createCommentAnchor(session.doc, { blockId: turn.getAttribute('id') as string, start, end: start + words.length })!;
    return { start: anchorBytesToBase64(anchor.start), end: anchorBytesToBase64(anchor.end) };
  });
}

async function editFirstTurn(transcriptId: string, change: (turn: Y.XmlText) => void) {
  await liveSessions.applyChange(transcriptId, ids.editor, (doc) => change(firstTurn(doc)));
}

async function startThread(transcriptId: string, body = 'Is this GFCE or GAC?', words = 'GFCE said') {
  const response = await clients.editor.post(`/api/transcripts/${transcriptId}/comments`, { body, anchor: await anchorOn(transcriptId, words) });
  expect(response.status).toBe(201);
  return response.body.thread as CommentThread;
}

async function listThreads(transcriptId: string, as: TestClient = clients.viewer): Promise<CommentThread[]> {
  const response = await as.get(`/api/transcripts/${transcriptId}/comments`);
  expect(response.status).toBe(200);
  return response.body.threads;
}

describe('comments', () => {
  it('start a thread on words, with its quote, mentions and position, announced to the live panels', async () => {
    const id = await importClean();
    const reviewerName = (await db.prisma.user.findUniqueOrThrow({ where: { id: ids.reviewer } })).displayName;
    const outsiderName = (await db.prisma.user.findUniqueOrThrow({ where: { id: ids.outsider } })).displayName;
    const announced: string[][] = [];
    const stop = domainEvents.on('transcriptChanged', (event) => {
      if (event.transcriptId === id) announced.push(event.topics);
    });
    const thread = await startThread(id, `@${reviewerName} please check. (@${outsiderName} is not a member.)`);
    stop();
    expect(announced).toEqual([['comments']]);
    expect(thread).toMatchObject({ quote: 'GFCE said', author: { id: ids.editor }, resolvedAt: null, replies: [], editedAt: null });
    expect(thread.mentions.map((person) => person.id)).toEqual([ids.reviewer]);
    expect(thread.position).toMatchObject({ start: 18, end: 27, text: 'GFCE said' });
    // Viewers read them.
    const [listed] = await listThreads(id);
    expect(listed).toEqual(thread);
  });

  it('keep the anchor on the words through edits before, inside and across them, and detach when they go', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    await editFirstTurn(id, (turn) => turn.insert(0, 'Well. '));
    await editFirstTurn(id, (turn) => turn.insert(turn.toString().indexOf('said'), 'really '));
    let [listed] = await listThreads(id);
    expect(listed!.position).toMatchObject({ start: 24, text: 'GFCE really said' });
    expect(listed!.quote).toBe('GFCE said');
    await editFirstTurn(id, (turn) => turn.delete(turn.toString().indexOf('The '), 9)); // "The GFCE " — into the range
    [listed] = await listThreads(id);
    expect(listed!.position?.text).toBe('really said');
    await editFirstTurn(id, (turn) => turn.delete(turn.toString().indexOf('really said'), 11));
    [listed] = await listThreads(id);
    expect(listed!.id).toBe(thread.id);
    expect(listed!.position).toBeNull();

    // Attached again to other words (as the panel does after a turn merge rewrote them); checked like a new anchor.
    const path = `/api/transcripts/${id}/comments/${thread.id}/anchor`;
    expect((await clients.viewer.post(path, { anchor: await anchorOn(id, 'Good morning') })).status).toBe(403);
    expect((await clients.editor.post(path, { anchor: { start: anchorBytesToBase64(new Uint8Array([0, 9, 9, 0])), end: 'AAAA' } })).status).toBe(422);
    const reattached = await clients.editor.post(path, { anchor: await anchorOn(id, 'Good morning') });
    expect(reattached.status).toBe(200);
    expect(reattached.body.thread).toMatchObject({ quote: 'Good morning', position: { text: 'Good morning' } });
  });

  it('reply, edit (author only), resolve and reopen', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    const replied = await clients.reviewer.post(`/api/transcripts/${id}/comments/${thread.id}/replies`, { body: 'It is GFCE.' });
    expect(replied.status).toBe(201);
    const reply = replied.body.thread.replies[0];
    expect(reply).toMatchObject({ body: 'It is GFCE.', author: { id: ids.reviewer } });
    const edited = await clients.reviewer.patch(`/api/transcripts/${id}/comments/${reply.id}`, { body: '  It is GFCE, see the agenda.  ' });
    expect(edited.status).toBe(200);
    expect(edited.body.thread.replies[0]).toMatchObject({ body: 'It is GFCE, see the agenda.' });
    expect(edited.body.thread.replies[0].editedAt).not.toBeNull();

    const resolved = await clients.owner.post(`/api/transcripts/${id}/comments/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread).toMatchObject({ resolvedBy: { id: ids.owner } });
    expect(resolved.body.thread.resolvedAt).not.toBeNull();
    // Resolving again changes nothing and announces nothing.
    const announced: unknown[] = [];
    const stop = domainEvents.on('transcriptChanged', (event) => announced.push(event));
    const again = await clients.editor.post(`/api/transcripts/${id}/comments/${thread.id}/resolve`);
    stop();
    expect(again.body.thread.resolvedBy.id).toBe(ids.owner);
    expect(announced).toEqual([]);
    const reopened = await clients.editor.post(`/api/transcripts/${id}/comments/${thread.id}/reopen`);
    expect(reopened.body.thread).toMatchObject({ resolvedAt: null, resolvedBy: null });
  });

  it('refuse what an attacker would try', async () => {
    const id = await importClean();
    const other = await importClean();
    const thread = await startThread(id);
    const foreign = await startThread(other);
    const base = `/api/transcripts/${id}/comments`;
    const anchor = await anchorOn(id, 'GFCE');

    // Non-members learn nothing; viewers read but do not write.
    expect((await clients.outsider.get(base)).status).toBe(404);
    expect((await clients.outsider.post(base, { body: 'hi', anchor })).status).toBe(404);
    expect((await clients.outsider.post(`${base}/${thread.id}/resolve`)).status).toBe(404);
    expect((await clients.viewer.post(base, { body: 'hi', anchor })).status).toBe(403);
    expect((await clients.viewer.post(`${base}/${thread.id}/replies`, { body: 'hi' })).status).toBe(403);
    expect((await clients.viewer.post(`${base}/${thread.id}/resolve`)).status).toBe(403);
    // Someone else's comment.
    const notMine = await clients.owner.patch(`${base}/${thread.id}`, { body: 'rewritten' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.message).toMatch(/author/);
    // A comment id of another transcript, a reply as a thread, ids that are not ids.
    for (const path of [`${base}/${foreign.id}/replies`, `${base}/${foreign.id}/resolve`]) expect((await clients.editor.post(path, { body: 'x' })).status).toBe(404);
    expect((await clients.editor.patch(`${base}/${foreign.id}`, { body: 'x' })).status).toBe(404);
    const reply = (await clients.editor.post(`${base}/${thread.id}/replies`, { body: 'first' })).body.thread.replies[0];
    expect((await clients.editor.post(`${base}/${reply.id}/replies`, { body: 'nested' })).status).toBe(404);
    expect((await clients.editor.post(`${base}/not-a-uuid/resolve`)).status).toBe(404);
    // Sizes: over the limit is refused by the schema, far over it by the body parser.
    expect((await clients.editor.post(base, { body: 'x'.repeat(4001), anchor })).status).toBe(400);
    expect((await clients.editor.post(base, { body: '   ', anchor })).status).toBe(400);
    expect((await clients.editor.post(base, { body: 'x'.repeat(200_000), anchor })).status).toBe(413);
    // Anchors: not base64, too long, forged bytes, another transcript's words, start and end swapped.
    for (const bad of [
      { start: 'not base64!', end: anchor.end },
      { start: 'A'.repeat(200), end: anchor.end },
      { ...anchor, extra: 1, start: 123 },
    ]) expect((await clients.editor.post(base, { body: 'x', anchor: bad })).status).toBe(400);
    const forged = [
      { start: anchorBytesToBase64(new Uint8Array([0, 200, 200, 200, 200, 7, 3, 0])), end: anchor.end },
      { start: anchorBytesToBase64(new Uint8Array([1, 4, 101, 118, 105, 108, 0])), end: anchor.end }, // a root named "evil"
      await anchorOn(other, 'GFCE'),
      { start: anchor.end, end: anchor.start },
    ];
    for (const bad of forged) {
      const refused = await clients.editor.post(base, { body: 'x', anchor: bad });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_anchor');
    }
    expect(await db.prisma.comment.count({ where: { transcriptId: id, parentId: null } })).toBe(1);
  });

  it('stop at 5,000 comments and replies per transcript, and 500 replies per thread', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    const base = `/api/transcripts/${id}/comments`;
    const replies = (count: number) => Array.from({ length: count }, () => ({ transcriptId: id, parentId: thread.id, authorId: ids.editor, body: 'r' }));
    await db.prisma.comment.createMany({ data: replies(500) });
    const full = await clients.editor.post(`${base}/${thread.id}/replies`, { body: 'one more' });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/500 replies/);
    const other = await startThread(id, 'another');
    await db.prisma.comment.createMany({ data: replies(4999 - 502) });
    expect((await clients.editor.post(`${base}/${other.id}/replies`, { body: 'the last one' })).status).toBe(201);
    expect((await clients.editor.post(base, { body: 'over', anchor: await anchorOn(id, 'GFCE') })).status).toBe(409);
    expect((await clients.editor.post(`${base}/${other.id}/replies`, { body: 'over' })).status).toBe(409);
    expect(await db.prisma.comment.count({ where: { transcriptId: id } })).toBe(5000);
  });

  it('keep a removed member’s comments, attributed, and stop mentioning them', async () => {
    const id = await importClean();
    const thread = await startThread(id, 'Mine.');
    expect((await clients.owner.delete(`/api/transcripts/${id}/members/${ids.editor}`)).status).toBe(204);
    const [listed] = await listThreads(id);
    expect(listed).toMatchObject({ id: thread.id, author: { id: ids.editor } });
    const editorName = (await db.prisma.user.findUniqueOrThrow({ where: { id: ids.editor } })).displayName;
    const replied = await clients.reviewer.post(`/api/transcripts/${id}/comments/${thread.id}/replies`, { body: `@${editorName} left.` });
    expect(replied.body.thread.replies[0].mentions).toEqual([]);
  });
});

describe('approval with open comments', () => {
  it('is refused until the thread is resolved or a waiver reason is given, which is recorded', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    const review = `/api/transcripts/${id}/review`;
    expect((await clients.owner.post(`${review}/submit`, {})).status).toBe(200);
    expect((await clients.viewer.get(review)).body.review.openComments).toBe(1);
    const refused = await clients.reviewer.post(`${review}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('1 open comment remain. Resolve them, or approve with a waiver reason.');
    const approved = await clients.reviewer.post(`${review}/approve`, { waiverReason: 'The GFCE question is for the next meeting.' });
    expect(approved.status).toBe(200);
    expect(approved.body.review.approvals[0].waiverReason).toBe('The GFCE question is for the next meeting.');
    expect(approved.body.review.events.at(-1)).toMatchObject({ action: 'approved', comment: 'Waived: The GFCE question is for the next meeting.' });
    expect((await clients.editor.post(`/api/transcripts/${id}/comments/${thread.id}/resolve`)).status).toBe(200);
    expect((await clients.viewer.get(review)).body.review.openComments).toBe(0);
  });

  it('needs no waiver once every thread is resolved', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    await clients.editor.post(`/api/transcripts/${id}/comments/${thread.id}/resolve`);
    await clients.owner.post(`/api/transcripts/${id}/review/submit`, {});
    const approved = await clients.reviewer.post(`/api/transcripts/${id}/review/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.review.approvals[0].waiverReason).toBeNull();
  });
});

// Last: it shuts the live sessions down, so the transcript can be deleted with nobody editing it.
describe('deleting a transcript', () => {
  it('deletes its comments', async () => {
    const id = await importClean();
    const thread = await startThread(id);
    await clients.owner.post(`/api/transcripts/${id}/comments/${thread.id}/replies`, { body: 'a reply' });
    await liveSessions.closeAll('server_shutdown');
    expect((await clients.owner.delete(`/api/transcripts/${id}`)).status).toBe(204);
    expect(await db.prisma.comment.count({ where: { transcriptId: id } })).toBe(0);
    expect(await db.prisma.commentMention.count({ where: { comment: { transcriptId: id } } })).toBe(0);
  });
});
