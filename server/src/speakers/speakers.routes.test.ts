import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { historyRoutes } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let owner: TestClient;
let editor: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let editorId: string;
let ownerId: string;
let viewerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  const [o, e, v, x] = await Promise.all([0, 1, 2, 3].map(() => buildUser(db.prisma)));
  ownerId = o!.id;
  editorId = e!.id;
  viewerId = v!.id;
  owner = await new TestClient(app).signIn(o!.email);
  editor = await new TestClient(app).signIn(e!.email);
  viewer = await new TestClient(app).signIn(v!.email);
  outsider = await new TestClient(app).signIn(x!.email);
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

async function importClean() {
  const transcript = await importAs(db.prisma, { ownerId, text: cleanCart, fileName: 'hearing.txt', members: [{ userId: editorId, role: 'editor' }, { userId: viewerId, role: 'viewer' }] });
  const listed = await owner.get(`/api/transcripts/${transcript.id}/speakers`);
  const byLabel = (label: string) => listed.body.speakers.find((entry: { speaker: { label: string } }) => entry.speaker.label === label);
  return { id: transcript.id, ana: byLabel('ANA LOPEZ'), anna: byLabel('ANNA LOPEZ'), moderator: byLabel('MODERATOR') };
}

describe('speaker roster', () => {
  it('lists turns, words and share per speaker', async () => {
    const { ana, moderator, anna, id } = await importClean();
    expect(ana).toMatchObject({ turns: 1, words: 6 });
    expect(moderator).toMatchObject({ turns: 1, words: 3 });
    expect(anna).toMatchObject({ turns: 1, words: 3 });
    expect(ana.share).toBeCloseTo(0.5);
    expect((await owner.get(`/api/transcripts/${id}/speakers`)).body.totalWords).toBe(12);
  });

  it('renames a speaker everywhere at once, as one change stamped with the actor', async () => {
    const { id, ana } = await importClean();
    const before = await db.prisma.documentUpdate.count({ where: { transcriptId: id } });
    const renamed = await editor.patch(`/api/transcripts/${id}/speakers/${ana.speaker.id}`, { displayName: 'Ana López', role: 'Chair', affiliation: 'GFCE' });
    expect(renamed.status).toBe(200);
    const rows = await db.prisma.documentUpdate.findMany({ where: { transcriptId: id }, orderBy: { seq: 'asc' } });
    expect(rows.slice(before).map((row) => row.userId)).toEqual([editorId]);
    const { transcript } = await readCurrentTranscript({ prisma: db.prisma, liveSessions, transcriptId: id });
    expect(transcript.speakers.find((speaker) => speaker.id === ana.speaker.id)).toMatchObject({ label: 'ANA LOPEZ', displayName: 'Ana López', role: 'Chair', affiliation: 'GFCE' });
    expect((await owner.get(historyRoutes.activity(id))).body.entries[0].phrases).toEqual(['renamed speaker ‘Ana Lopez’ to ‘Ana López’']);
    // Clearing a field is explicit (null); absent fields stay.
    await editor.patch(`/api/transcripts/${id}/speakers/${ana.speaker.id}`, { role: null });
    const after = (await viewer.get(`/api/transcripts/${id}/speakers`)).body.speakers.find((entry: { speaker: { id: string } }) => entry.speaker.id === ana.speaker.id);
    expect(after.speaker).toMatchObject({ displayName: 'Ana López', role: null, affiliation: 'GFCE' });
  });

  it('merges duplicates: every turn reassigned, the duplicate gone, one attributed change', async () => {
    const { id, ana, anna } = await importClean();
    const before = await db.prisma.documentUpdate.count({ where: { transcriptId: id, userId: { not: null } } });
    const merged = await editor.post(`/api/transcripts/${id}/speakers/merge`, { into: ana.speaker.id, from: [anna.speaker.id] });
    expect(merged.status).toBe(200);
    expect(merged.body.speakers.map((entry: { speaker: { label: string } }) => entry.speaker.label)).not.toContain('ANNA LOPEZ');
    expect(merged.body.speakers.find((entry: { speaker: { id: string } }) => entry.speaker.id === ana.speaker.id)).toMatchObject({ turns: 2, words: 9 });
    expect(await db.prisma.documentUpdate.count({ where: { transcriptId: id, userId: { not: null } } })).toBe(before + 1);
    const { transcript } = await readCurrentTranscript({ prisma: db.prisma, liveSessions, transcriptId: id });
    expect(transcript.turns.filter((turn) => turn.speakerId === ana.speaker.id)).toHaveLength(2);    // History tells it as one change by the editor, a merge rather than a reassignment and a removal.
    const activity = await owner.get(historyRoutes.activity(id));
    expect(activity.body.entries[0]).toMatchObject({ actor: { id: editorId }, phrases: ['merged speaker ‘ANNA LOPEZ’ into ‘ANA LOPEZ’ (1 turn)'] });
  });

  it('checks roles and input', async () => {
    const { id, ana, anna } = await importClean();
    expect((await viewer.patch(`/api/transcripts/${id}/speakers/${ana.speaker.id}`, { displayName: 'X' })).status).toBe(403);
    expect((await viewer.post(`/api/transcripts/${id}/speakers/merge`, { into: ana.speaker.id, from: [anna.speaker.id] })).status).toBe(403);
    expect((await outsider.get(`/api/transcripts/${id}/speakers`)).status).toBe(404);
    expect((await editor.patch(`/api/transcripts/${id}/speakers/nobody`, { displayName: 'X' })).status).toBe(404);
    expect((await editor.patch(`/api/transcripts/${id}/speakers/${ana.speaker.id}`, { displayName: '  ' })).status).toBe(400);
    expect((await editor.post(`/api/transcripts/${id}/speakers/merge`, { into: ana.speaker.id, from: [ana.speaker.id] })).status).toBe(400);
    expect((await editor.post(`/api/transcripts/${id}/speakers/merge`, { into: ana.speaker.id, from: ['ghost'] })).status).toBe(404);
  });
});
