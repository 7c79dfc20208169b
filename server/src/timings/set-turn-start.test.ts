import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { apiRoutes } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { loadConfig } from '../config.ts';
import { createVersion } from '../history/create-version.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let clients: { editor: TestClient; viewer: TestClient; outsider: TestClient };
let ids: { owner: string; editor: string; viewer: string };

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  const [owner, editor, viewer, outsider] = await Promise.all([0, 1, 2, 3].map(() => buildUser(db.prisma)));
  ids = { owner: owner!.id, editor: editor!.id, viewer: viewer!.id };
  clients = { editor: await new TestClient(app).signIn(editor!.email), viewer: await new TestClient(app).signIn(viewer!.email), outsider: await new TestClient(app).signIn(outsider!.email) };
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

const importCart = () => importAs(db.prisma, { ownerId: ids.owner, text: cleanCart, fileName: 'hearing.txt', members: [{ userId: ids.editor, role: 'editor' }, { userId: ids.viewer, role: 'viewer' }] });
const current = async (transcriptId: string) => (await readCurrentTranscript({ prisma: db.prisma, liveSessions, transcriptId })).transcript;

describe('timing a turn at the playhead', () => {
  it('sets the start as one change stamped with the editor, which a version keeps', async () => {
    const { id } = await importCart();
    const [first, second] = (await current(id)).turns;
    const before = await db.prisma.documentUpdate.count({ where: { transcriptId: id } });
    expect((await clients.editor.post(apiRoutes.mediaTimings(id), { turnId: second!.id, start: 12.34 })).status).toBe(204);
    const rows = await db.prisma.documentUpdate.findMany({ where: { transcriptId: id }, orderBy: { seq: 'asc' } });
    expect(rows.slice(before).map((row) => row.userId)).toEqual([ids.editor]);
    const turns = (await current(id)).turns;
    expect(turns.map((turn) => turn.start)).toEqual([first!.start, 12.34, ...turns.slice(2).map(() => null)]);
    const version = await createVersion({ prisma: db.prisma, liveSessions, transcriptId: id, kind: 'named', name: 'timed', actorId: ids.editor });
    expect(version.recordingSha256).toBeNull();
  });

  it('exports timecodes in plain text and Markdown when asked', async () => {
    const { id } = await importCart();
    const turn = (await current(id)).turns[1]!;
    await clients.editor.post(apiRoutes.mediaTimings(id), { turnId: turn.id, start: 3723 });
    expect((await clients.viewer.get(`/api/transcripts/${id}/export?format=markdown&timecodes=true`)).text).toContain('`[01:02:03]` **');
    expect((await clients.viewer.get(`/api/transcripts/${id}/export?format=text&timecodes=true`)).text).toContain('[01:02:03] ');
    expect((await clients.viewer.get(`/api/transcripts/${id}/export?format=markdown`)).text).not.toContain('[01:02:03]');
    expect((await clients.viewer.get(`/api/transcripts/${id}/export?format=cart&timecodes=true`)).text).toMatch(/\n>> \[01:02:03\] /);
    expect((await clients.viewer.get(`/api/transcripts/${id}/export?format=markdown&timecodes=yes`)).status).toBe(400);
  });

  it('records the recording a version was timed against', async () => {
    const { id } = await importCart();
    const sha256 = 'a'.repeat(64);
    await db.prisma.recording.create({ data: { transcriptId: id, sha256, fileName: 'h.mp3', sizeBytes: 1n, durationMs: 1000, container: 'mp3', audioCodec: 'mp3', hasVideo: false, playableSha256: sha256, playableType: 'audio/mpeg', playableSizeBytes: 1n, attachedById: ids.editor } });
    const version = await createVersion({ prisma: db.prisma, liveSessions, transcriptId: id, kind: 'named', name: 'timed', actorId: ids.editor });
    expect(version.recordingSha256).toBe(sha256);
    // The download names it: that version, and the current text while the recording is attached.
    const exported = await clients.editor.get(`/api/transcripts/${id}/export?format=json&version=${version.number}`);
    expect(exported.headers['x-verity-recording-sha256']).toBe(sha256);
    expect(JSON.parse(exported.text).recordingSha256).toBe(sha256);
    expect((await clients.editor.get(`/api/transcripts/${id}/export?format=cart`)).headers['x-verity-recording-sha256']).toBe(sha256);
    // An approval of a version taken with the recording attached names it too.
    await db.prisma.membership.update({ where: { transcriptId_userId: { transcriptId: id, userId: ids.editor } }, data: { role: 'reviewer' } });
    expect((await clients.editor.post(`/api/transcripts/${id}/review/submit`)).status).toBe(200);
    const approved = await clients.editor.post(`/api/transcripts/${id}/review/approve`, { waiverReason: 'checked by ear' });
    expect(approved.status).toBe(200);
    expect(approved.body.review.approvals.at(-1).recordingSha256).toBe(sha256);
    const before = await clients.editor.get(`/api/transcripts/${id}/export?format=json&version=0`);
    expect(before.headers['x-verity-recording-sha256']).toBeUndefined();
    expect(JSON.parse(before.text).recordingSha256).toBeNull();
  });

  it('refuses viewers, non-members, unknown turns and impossible times', async () => {
    const { id } = await importCart();
    const turn = (await current(id)).turns[0]!;
    expect((await clients.viewer.post(apiRoutes.mediaTimings(id), { turnId: turn.id, start: 1 })).status).toBe(403);
    expect((await clients.outsider.post(apiRoutes.mediaTimings(id), { turnId: turn.id, start: 1 })).status).toBe(404);
    expect((await clients.editor.post(apiRoutes.mediaTimings(id), { turnId: 'nope', start: 1 })).status).toBe(404);
    for (const start of [-1, 'soon', 1e12]) expect((await clients.editor.post(apiRoutes.mediaTimings(id), { turnId: turn.id, start })).status).toBe(400);
    expect((await clients.editor.post(apiRoutes.mediaTimings(id), { turnId: '../x', start: 1 })).status).toBe(400);
  });
});
