import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import * as Y from 'yjs';
import { contentKey, type CorrectionEntry } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { readCurrentTranscript } from '../collab/read-current-transcript.ts';
import { loadConfig } from '../config.ts';
import { domainEvents } from '../events/domain-events.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { readLatestClasses } from './grade-corrections.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let owner: TestClient;
let editor: TestClient;
let reviewer: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let ownerId: string;
let editorId: string;
let reviewerId: string;
let viewerId: string;

const cart = `>> ANA LOPEZ: Good morning. The GAC said so, and the GAC agreed.
>> MODERATOR: Thank you, Ana.
`;

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  const [o, e, r, v, x] = await Promise.all(['Olga Owner', 'Ed Editor', 'Rita Reviewer', 'Vic Viewer', 'Xena Outsider'].map((displayName) => buildUser(db.prisma, { displayName })));
  [ownerId, editorId, reviewerId, viewerId] = [o!.id, e!.id, r!.id, v!.id];
  owner = await new TestClient(app).signIn(o!.email);
  editor = await new TestClient(app).signIn(e!.email);
  reviewer = await new TestClient(app).signIn(r!.email);
  viewer = await new TestClient(app).signIn(v!.email);
  outsider = await new TestClient(app).signIn(x!.email);
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

/** Replaces the `nth` (0-based) occurrence of `find` in a turn's text, as `userId`'s live edit. */
async function editTurn(transcriptId: string, userId: string, turnIndex: number, find: string, replacement: string, nth = 0) {
  await liveSessions.applyChange(transcriptId, userId, (doc) => {
    const blocks = (doc.get(contentKey, Y.XmlText).toDelta() as { insert: unknown }[]).map((op) => op.insert).filter((insert) => insert instanceof Y.XmlText && insert.getAttribute('type') === 'turn') as Y.XmlText[];
    const block = blocks[turnIndex]!;
    const text = block.toString();
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(find, at + 1);
    block.delete(at, find.length);
    block.insert(at, replacement);
  });
}

async function importHearing() {
  const transcript = await importAs(db.prisma, {
    ownerId,
    text: cart,
    fileName: 'hearing.txt',
    members: [
      { userId: editorId, role: 'editor' },
      { userId: reviewerId, role: 'reviewer' },
      { userId: viewerId, role: 'viewer' },
    ],
  });
  const { transcript: current } = await readCurrentTranscript({ prisma: db.prisma, liveSessions, transcriptId: transcript.id });
  return { id: transcript.id, firstTurn: current.turns[0]!.id };
}

const listOf = (id: string, client: TestClient = viewer) => client.get(`/api/transcripts/${id}/corrections`);

describe('corrections raw → current and their NER classes', () => {
  it('lists a typed-over word as one correction; a corrector classifies it; every member reads the class and the NER', async () => {
    const { id, firstTurn } = await importHearing();
    expect((await listOf(id)).body).toMatchObject({ corrections: [], isTruncated: false, summary: { rawWords: 13, corrections: 0 } });
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const listed = await listOf(id);
    expect(listed.status).toBe(200);
    const [correction] = listed.body.corrections as CorrectionEntry[];
    expect(listed.body.corrections).toHaveLength(1);
    expect(correction).toMatchObject({ turnId: firstTurn, occurrence: 1, from: ['GAC'], to: ['GFCE'], before: ['Good', 'morning.', 'The'], after: ['said', 'so,', 'and'], speaker: 'Ana Lopez', class: null });
    expect(correction!.key).toMatch(/^[0-9a-f]{64}$/);
    // N = 10 + 3 raw words. One unclassified correction, assumed standard recognition: NER = (13 − 0.5) / 13 × 100.
    expect(listed.body.summary).toMatchObject({ rawWords: 13, finalWords: 13, substitutions: 1, corrections: 1, unclassified: 1, nerClassified: { score: 100 } });
    expect(listed.body.summary.nerAssumed.score).toBeCloseTo((12.5 / 13) * 100);

    const events: string[][] = [];
    const stop = domainEvents.on('transcriptChanged', (event) => event.transcriptId === id && events.push(event.topics));
    const classified = await editor.post(`/api/transcripts/${id}/corrections/${correction!.key.toUpperCase()}`, { type: 'recognition', severity: 'serious' });
    stop();
    expect(classified.status).toBe(200);
    expect(classified.body.correction).toMatchObject({ key: correction!.key, class: { type: 'recognition', severity: 'serious', by: { id: editorId, displayName: 'Ed Editor' } } });
    expect(events).toEqual([['corrections']]);
    // The same class again is a no-op: no row, no event.
    const again = await editor.post(`/api/transcripts/${id}/corrections/${correction!.key}`, { type: 'recognition', severity: 'serious' });
    expect(again.body.correction.class).toMatchObject({ severity: 'serious', by: { id: editorId } });
    expect(await db.prisma.correctionClass.count({ where: { transcriptId: id } })).toBe(1);
    // Reclassified by a reviewer: the latest class and its author count.
    await reviewer.post(`/api/transcripts/${id}/corrections/${correction!.key}`, { type: 'recognition', severity: 'standard' });
    const read = await listOf(id);
    expect(read.body.corrections[0].class).toMatchObject({ type: 'recognition', severity: 'standard', by: { displayName: 'Rita Reviewer' } });
    expect(read.body.summary).toMatchObject({ classified: 1, unclassified: 0, counts: { recognition: { standard: 1 } }, nerClassified: { recognition: 0.5 } });
    // The log keeps both, append-only.
    expect(await db.prisma.correctionClass.count({ where: { transcriptId: id } })).toBe(2);
    await expect(db.prisma.correctionClass.updateMany({ where: { transcriptId: id }, data: { severity: 'minor' } })).rejects.toThrow(/append-only/);
  });

  it('keeps a class while its correction exists, drops it from the list when the edit is undone, and brings it back with the edit', async () => {
    const { id } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const key = (await listOf(id)).body.corrections[0].key as string;
    await editor.post(`/api/transcripts/${id}/corrections/${key}`, { type: 'edition', severity: 'minor' });
    // Fixing the second GAC adds a correction; the first keeps its key and class.
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const both = (await listOf(id)).body.corrections as CorrectionEntry[];
    expect(both.map((entry) => [entry.occurrence, entry.class?.severity ?? null])).toEqual([
      [1, 'minor'],
      [2, null],
    ]);
    expect(both[0]!.key).toBe(key);
    expect(both[1]!.key).not.toBe(key);
    // Undo both: no correction is listed, the class no longer counts; redo the first: it is back.
    await editTurn(id, editorId, 0, 'GFCE', 'GAC');
    await editTurn(id, editorId, 0, 'GFCE', 'GAC');
    expect((await listOf(id)).body).toMatchObject({ corrections: [], summary: { classified: 0, corrections: 0 } });
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    expect((await listOf(id)).body.corrections[0]).toMatchObject({ key, class: { type: 'edition', severity: 'minor' } });
  });

  it('clears a class; filters by turn', async () => {
    const { id, firstTurn } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    await editTurn(id, editorId, 1, 'Thank you', 'Thanks');
    const all = (await listOf(id)).body.corrections as CorrectionEntry[];
    expect(all).toHaveLength(2);
    const inTurn = await viewer.get(`/api/transcripts/${id}/corrections?turnId=${encodeURIComponent(firstTurn)}`);
    expect(inTurn.body.corrections.map((entry: CorrectionEntry) => entry.to)).toEqual([['GFCE']]);
    expect(inTurn.body.summary.corrections).toBe(2);
    await owner.post(`/api/transcripts/${id}/corrections/${all[0]!.key}`, { type: 'recognition', severity: 'minor' });
    expect((await owner.delete(`/api/transcripts/${id}/corrections/${all[0]!.key}`)).status).toBe(204);
    expect((await listOf(id)).body.summary).toMatchObject({ classified: 0, unclassified: 2 });
    // Clearing again is harmless.
    expect((await owner.delete(`/api/transcripts/${id}/corrections/${all[0]!.key}`)).status).toBe(204);
  });

  it('refuses viewers, hides the transcript from non-members, and refuses forged keys and bad classes', async () => {
    const { id } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const key = (await listOf(id)).body.corrections[0].key as string;
    const classify = (client: TestClient, path: string, body: object) => client.post(`/api/transcripts/${id}/corrections/${path}`, body);
    expect((await classify(viewer, key, { type: 'recognition', severity: 'minor' })).status).toBe(403);
    expect((await viewer.delete(`/api/transcripts/${id}/corrections/${key}`)).status).toBe(403);
    expect((await listOf(id, outsider)).status).toBe(404);
    expect((await classify(outsider, key, { type: 'recognition', severity: 'minor' })).status).toBe(404);
    // A well-formed key no correction has (forged, or the text changed): refused, nothing stored.
    const forged = await classify(editor, 'a'.repeat(64), { type: 'recognition', severity: 'minor' });
    expect(forged.status).toBe(404);
    expect(forged.body.error.message).toMatch(/not in the current text/);
    for (const bad of ['not-a-key', 'a'.repeat(63), 'g'.repeat(64), 'a'.repeat(5000)]) expect((await classify(editor, bad, { type: 'recognition', severity: 'minor' })).status).toBe(404);
    for (const body of [{}, { type: 'recognition' }, { type: 'typo', severity: 'minor' }, { type: 'edition', severity: 'fatal' }, { type: 'edition', severity: 'minor', extra: 1 }, { type: ['edition'], severity: 'minor' }]) {
      const refused = await classify(editor, key, body);
      expect(refused.status).toBe(400);
    }
    expect((await viewer.get(`/api/transcripts/${id}/corrections?turnId=${'x'.repeat(201)}`)).status).toBe(400);
    expect(await db.prisma.correctionClass.count({ where: { transcriptId: id } })).toBe(0);
    // Revoked: a former editor is a non-member.
    await db.prisma.membership.delete({ where: { transcriptId_userId: { transcriptId: id, userId: editorId } } });
    expect((await classify(editor, key, { type: 'recognition', severity: 'minor' })).status).toBe(404);
  });

  it('puts NER raw → current, the counts by class and the unclassified remainder in the correction report', async () => {
    const { id } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    await editTurn(id, editorId, 1, 'Thank you', 'Thanks');
    const [first] = (await listOf(id)).body.corrections as CorrectionEntry[];
    await reviewer.post(`/api/transcripts/${id}/corrections/${first!.key}`, { type: 'recognition', severity: 'standard' });
    const report = await viewer.get(`/api/transcripts/${id}/export?format=report`);
    expect(report.status).toBe(200);
    const text = report.text;
    expect(text).toContain('compared with the current text \\(no version is approved\\)');
    // N = 13; R = 0.5 (classified) + 0.5 ("Thank you," → "Thanks,", unclassified, assumed): (13 − 1) / 13 × 100 = 92.31.
    expect(text).toContain('| Classified / unclassified | 1 / 1 |');
    expect(text).toContain('| NER (unclassified as standard recognition) | 92.31 (below 98) |');
    expect(text).toContain('| NER (classified corrections only) | 96.15 |');
    expect(text).toContain('| Recognition | 0 | 1 | 0 | 0 |');
    expect(text).toContain('- replaced "GAC" with "GFCE" · recognition, standard');
    expect(text).toContain('- replaced "Thank you," with "Thanks," · unclassified');
  });

  it("keeps an approved version's report as classified when it was taken, while the current text's follows later classes", async () => {
    const { id } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const [correction] = (await listOf(id)).body.corrections as CorrectionEntry[];
    await reviewer.post(`/api/transcripts/${id}/corrections/${correction!.key}`, { type: 'recognition', severity: 'minor' });
    await owner.post(`/api/transcripts/${id}/review/submit`, {});
    expect((await reviewer.post(`/api/transcripts/${id}/review/approve`, {})).status).toBe(200);
    const report = async () => (await viewer.get(`/api/transcripts/${id}/export?format=report`)).text;
    const before = await report();
    expect(before).toContain('compared with approved version 1');
    expect(before).toContain('- replaced "GAC" with "GFCE" · recognition, minor');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await reviewer.post(`/api/transcripts/${id}/corrections/${correction!.key}`, { type: 'recognition', severity: 'serious' });
    expect(await report()).toBe(before);
    expect((await listOf(id)).body.corrections[0].class.severity).toBe('serious');
  });

  it('reads classes for thousands of corrections without one bind parameter each', async () => {
    const { id } = await importHearing();
    await editTurn(id, editorId, 0, 'GAC', 'GFCE');
    const key = (await listOf(id)).body.corrections[0].key as string;
    await editor.post(`/api/transcripts/${id}/corrections/${key}`, { type: 'edition', severity: 'standard' });
    const others = Array.from({ length: 70_000 }, (_, index) => index.toString(16).padStart(64, '0'));
    const classes = await readLatestClasses(db.prisma, { transcriptId: id, keys: [...others, key] });
    expect([...classes.keys()]).toEqual([key]);
    expect((await readLatestClasses(db.prisma, { transcriptId: id, keys: others.slice(0, 10) })).size).toBe(0);
  });
});
