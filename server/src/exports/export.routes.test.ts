import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Response } from 'supertest';
import { parseTranscript, transcriptSchema, verifyExport } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { readZipEntries as unzip } from '@verity/common/testing/read-zip-entries';
import { cartWithIssues, cleanCart, importAs, timedSrt } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let owner: TestClient;
let reviewer: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
/** Approved once (v1), then a speaker renamed: the current document differs from v1. */
let approved: { id: string; hash: string };
let timed: { id: string };
let ownerId: string;
let reviewerId: string;

/** Supertest buffers binary bodies only when asked to. */
function bytesOf(response: Response): Buffer {
  return Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.text, 'utf8');
}

/** The file name Content-Disposition carries (quoted only when it needs to be). */
function fileNameOf(response: Response): string | undefined {
  const header = String(response.headers['content-disposition']);
  expect(header).toMatch(/^attachment; filename=/);
  return /filename="?([^";]+)"?/.exec(header)?.[1];
}

function download(client: TestClient, id: string, query: string) {
  return client
    .get(`/api/transcripts/${id}/export?${query}`)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  const [o, r, v, x] = await Promise.all(['Olga Owner', 'Rita Reviewer', 'Vic Viewer', 'Xena Outsider'].map((displayName) => buildUser(db.prisma, { displayName })));
  [ownerId, reviewerId] = [o!.id, r!.id];
  owner = await new TestClient(app).signIn(o!.email);
  reviewer = await new TestClient(app).signIn(r!.email);
  viewer = await new TestClient(app).signIn(v!.email);
  outsider = await new TestClient(app).signIn(x!.email);
  anonymous = new TestClient(app);
  const members = [
    { userId: r!.id, role: 'reviewer' as const },
    { userId: v!.id, role: 'viewer' as const },
  ];
  const transcript = await importAs(db.prisma, { ownerId: o!.id, text: cartWithIssues, fileName: 'plenary.txt', title: 'Plenary – Day 2', members });
  await owner.post(`/api/transcripts/${transcript.id}/review/submit`, {});
  const review = await reviewer.post(`/api/transcripts/${transcript.id}/review/approve`, { waiverReason: 'Inaudible in the recording.' });
  approved = { id: transcript.id, hash: review.body.review.approvals[0].contentSha256 };
  const speakers = await owner.get(`/api/transcripts/${transcript.id}/speakers`);
  const ana = speakers.body.speakers.find((entry: { speaker: { label: string } }) => entry.speaker.label === 'ANA LOPEZ');
  await owner.patch(`/api/transcripts/${transcript.id}/speakers/${ana.speaker.id}`, { displayName: 'Ana López' });
  timed = await importAs(db.prisma, { ownerId: o!.id, text: timedSrt, fileName: 'captions.srt', title: 'Captions', members });
});
afterAll(async () => {
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

describe('GET /api/transcripts/:id/export', () => {
  it('defaults to the latest authoritative version: Verity JSON whose integrity hash is the approval hash', async () => {
    const response = await download(viewer, approved.id, 'format=json');
    expect(response.status).toBe(200);
    expect(fileNameOf(response)).toBe('plenary-day-2.v1.json');
    expect(response.headers['x-verity-version']).toBe('1');
    expect(response.headers['x-verity-sha256']).toBe(approved.hash);
    const text = bytesOf(response).toString('utf8');
    expect(JSON.parse(text).integrity.hash).toBe(approved.hash);
    expect(await verifyExport(text)).toMatchObject({ isMatch: true, computedHash: approved.hash });
    // v1 was approved before the rename: the authoritative text still has the old name.
    expect(parseTranscript(text).speakers.find((speaker) => speaker.label === 'ANA LOPEZ')?.displayName).not.toBe('Ana López');
    const version = await db.prisma.transcriptVersion.findFirstOrThrow({ where: { transcriptId: approved.id, number: 1 } });
    expect(transcriptSchema.parse(JSON.parse(text))).toEqual(transcriptSchema.parse(version.content));
  });

  it('writes the approval into the DOCX title block: version, approver and hash', async () => {
    const response = await download(owner, approved.id, 'format=docx');
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(fileNameOf(response)).toBe('plenary-day-2.v1.docx');
    const document = unzip(new Uint8Array(bytesOf(response))).get('word/document.xml')!;
    expect(document).toContain(approved.hash);
    expect(document).toContain('Rita Reviewer');
    expect(document).toContain('Good morning.');
  });

  it('is deterministic: the same version gives the same bytes', async () => {
    for (const format of ['docx', 'json', 'report']) {
      const [first, second] = await Promise.all([download(owner, approved.id, `format=${format}`), download(viewer, approved.id, `format=${format}`)]);
      expect(bytesOf(first).equals(bytesOf(second))).toBe(true);
    }
  });

  it('writes CART, text and Markdown with their own shapes', async () => {
    const cart = bytesOf(await download(owner, approved.id, 'format=cart')).toString('utf8');
    expect(cart).toContain(`SHA-256: ${approved.hash}`);
    expect(cart).toContain('>> ANA LOPEZ: Good morning. The GAC(?) said so.');
    const text = await download(owner, approved.id, 'format=text');
    expect(fileNameOf(text)).toBe('plenary-day-2.v1.txt');
    expect(bytesOf(text).toString('utf8')).toMatch(/^\S.*: Good morning\. The GAC\(\?\) said so\./);
    const markdown = bytesOf(await download(owner, approved.id, 'format=markdown')).toString('utf8');
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('- **Approved by:** Rita Reviewer');
    expect(markdown).toContain(`\`${approved.hash}\``);
  });

  it('exports a given version, and the current document when nothing is approved', async () => {
    const raw = await download(owner, approved.id, 'format=json&version=0');
    expect(fileNameOf(raw)).toBe('plenary-day-2.v0.json');
    const current = await download(owner, timed.id, 'format=text');
    expect(fileNameOf(current)).toBe('captions.txt');
    expect(current.headers['x-verity-version']).toBeUndefined();
    expect(bytesOf(current).toString('utf8')).toContain('Welcome, everyone.');
  });

  it('writes SRT and WebVTT for timed transcripts, and refuses them without timings', async () => {
    const srt = bytesOf(await download(owner, timed.id, 'format=srt')).toString('utf8');
    expect(srt).toMatch(/^1\r?\n00:00:01,000 --> /);
    expect(srt).toContain('- Moderator: Welcome, everyone.');
    expect(srt).toContain('00:00:03,600 --> 00:00:06,000\n- Lea Kaspar: Thanks for having me.');
    expect(bytesOf(await download(owner, timed.id, 'format=vtt')).toString('utf8')).toMatch(/^WEBVTT/);
    for (const format of ['srt', 'vtt']) {
      const refused = await owner.get(`/api/transcripts/${approved.id}/export?format=${format}`);
      expect(refused.status).toBe(415);
      expect(refused.body.error.code).toBe('unsupported_format');
      expect(refused.body.error.message).toMatch(/^This transcript has no timings, so it cannot be written as (SRT|WebVTT); export as text, Markdown, DOCX or JSON instead\.$/);
    }
  });

  it('writes the correction report from the raw import to the version', async () => {
    const response = await download(owner, approved.id, 'format=report');
    expect(fileNameOf(response)).toBe('plenary-day-2.v1.corrections.md');
    const report = bytesOf(response).toString('utf8');
    expect(report).toMatch(/^# Correction report: /);
    expect(report).toContain('| Word error rate | 0.00 % (0 / ');
    const current = bytesOf(await download(owner, approved.id, 'format=report&version=0')).toString('utf8');
    expect(current).toContain('| Turns changed | 0 of 3 |');
  });

  it('lists the attributed changes up to the version in the correction report', async () => {
    // v1 was approved before the rename: none of its changes are recorded yet.
    expect(bytesOf(await download(owner, approved.id, 'format=report')).toString('utf8')).toContain('| Recorded changes | 0 |');
    const speakers = await owner.get(`/api/transcripts/${timed.id}/speakers`);
    const lea = speakers.body.speakers.find((entry: { speaker: { displayName: string } }) => entry.speaker.displayName === 'Lea Kaspar');
    await owner.patch(`/api/transcripts/${timed.id}/speakers/${lea.speaker.id}`, { displayName: 'Lea Kaspar-Smith' });
    await owner.post(`/api/transcripts/${timed.id}/review/submit`, {});
    await reviewer.post(`/api/transcripts/${timed.id}/review/approve`, {});
    const report = bytesOf(await download(owner, timed.id, 'format=report')).toString('utf8');
    expect(report).toContain('| Recorded changes | 1 |');
    expect(report).toMatch(/\| Olga Owner \| 1 \| 1 \|/);
    expect(report).toContain('Lea Kaspar-Smith');
  });

  it("keeps a version's report byte-identical when its author goes on editing right after the approval", async () => {
    const { id } = await importAs(db.prisma, { ownerId, text: cleanCart, fileName: 'hearing.txt', title: 'Hearing', members: [{ userId: reviewerId, role: 'reviewer' }] });
    const rename = async (label: string, displayName: string) => {
      const speakers = await owner.get(`/api/transcripts/${id}/speakers`);
      const speaker = speakers.body.speakers.find((entry: { speaker: { label: string } }) => entry.speaker.label === label).speaker;
      expect((await owner.patch(`/api/transcripts/${id}/speakers/${speaker.id}`, { displayName })).status).toBe(200);
    };
    await rename('MODERATOR', 'Chair Moderator');
    await owner.post(`/api/transcripts/${id}/review/submit`, {});
    expect((await reviewer.post(`/api/transcripts/${id}/review/approve`, {})).status).toBe(200);
    const before = bytesOf(await download(owner, id, 'format=report&version=1'));
    expect(before.toString('utf8')).toContain('| Recorded changes | 1 |');
    expect(before.toString('utf8')).toMatch(/\| Olga Owner \| 1 \| 1 \|/);
    expect(before.toString('utf8')).toContain('Chair Moderator');

    // Same person, seconds later: in the whole log this row joins the pre-approval batch.
    await rename('ANNA LOPEZ', 'Dr Anna López');
    const { uptoSeq } = await db.prisma.transcriptVersion.findUniqueOrThrow({ where: { transcriptId_number: { transcriptId: id, number: 1 } } });
    expect(await db.prisma.documentUpdate.count({ where: { transcriptId: id, userId: ownerId, seq: { gt: uptoSeq } } })).toBeGreaterThan(0);
    const after = bytesOf(await download(owner, id, 'format=report&version=1'));
    expect(after.equals(before)).toBe(true);
    expect(after.toString('utf8')).not.toContain('Dr Anna López');
  });

  it('checks roles, format and version', async () => {
    expect((await viewer.get(`/api/transcripts/${approved.id}/export?format=json`)).status).toBe(200);
    expect((await outsider.get(`/api/transcripts/${approved.id}/export?format=json`)).status).toBe(404);
    expect((await anonymous.get(`/api/transcripts/${approved.id}/export?format=json`)).status).toBe(401);
    const unknown = await owner.get(`/api/transcripts/${approved.id}/export?format=pdf`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ code: 'validation_failed', message: expect.stringMatching(/^format: Unknown export format "pdf"; use cart, .* or report\.$/) });
    expect((await owner.get(`/api/transcripts/${approved.id}/export?format=json&version=99`)).status).toBe(404);
    expect((await owner.get(`/api/transcripts/${approved.id}/export?format=json&version=abc`)).status).toBe(400);
    expect((await owner.get(`/api/transcripts/${approved.id}/export`)).status).toBe(400);
  });
});
