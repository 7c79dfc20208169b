import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import * as Y from 'yjs';
import { hashTranscript, parseTranscript, readTranscriptDoc, serializeTranscriptJson } from '@verity/common';
import { hasSeeds, readFixture, readSeed, seedsDir } from '../../../common/src/formats/fixtures/read-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildUser, TestClient } from '../testing/factories.ts';

let db: TestDatabase;
let app: Express;
let owner: TestClient;
let ownerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma);
  const user = await buildUser(db.prisma, { displayName: 'Ida Importer' });
  ownerId = user.id;
  owner = await new TestClient(app).signIn(user.email);
});
afterAll(() => db.drop());

const seed001 = '001_cf143e0f9569e927.txt';
if (!hasSeeds) console.warn(`Seed import tests skipped: ${seedsDir} is missing.`);

/** Uploads bytes the way the client does: raw body, file name in x-file-name, options in the query. */
function upload(client: TestClient, path: string, bytes: Uint8Array | string, options: { fileName?: string | null; query?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.fileName !== null) headers['x-file-name'] = encodeURIComponent(options.fileName ?? 'upload.txt');
  return client.upload(`${path}${options.query ? `?${options.query}` : ''}`, bytes, headers);
}

async function countRows() {
  return { transcripts: await db.prisma.transcript.count(), versions: await db.prisma.transcriptVersion.count(), memberships: await db.prisma.membership.count() };
}

describe.skipIf(!hasSeeds)('seed 001 (IGF 2017 CART)', () => {
  it('previews 64 turns from 8 speakers without storing anything', async () => {
    const before = await countRows();
    const response = await upload(owner, '/api/imports/preview', readSeed(seed001), { fileName: seed001 });
    expect(response.status).toBe(200);
    const { preview } = response.body;
    expect(preview.detectedFormat).toBe('cart');
    expect(preview.summary).toMatchObject({ turnCount: 64, unattributedTurnCount: 0, uncertainCount: 7, noteCount: 2 });
    expect(preview.summary.speakers).toHaveLength(8);
    expect(preview.summary.speakers.filter((s: { isGeneric: boolean }) => s.isGeneric).map((s: { label: string }) => s.label)).toEqual(['MODERATOR', 'PANELIST', 'AUDIENCE']);
    expect(preview.summary.eventCounts).toEqual({ Laughter: 4, 'Phone ringing': 1, Applause: 1 });
    expect(preview.firstTurns).toHaveLength(5);
    expect(preview.metadata.sourceFileName).toBe(seed001);
    expect(await countRows()).toEqual(before);
  });

  it('imports it as a transcript the importer owns, with version 0 exactly as parsed', async () => {
    const response = await upload(owner, '/api/imports', readSeed(seed001), { fileName: seed001 });
    expect(response.status).toBe(201);
    expect(response.body.transcript).toMatchObject({ role: 'owner', status: 'draft', ownerName: 'Ida Importer' });
    const id = response.body.transcript.id;
    const row = await db.prisma.transcript.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ sourceFileName: seed001, sourceFormat: 'cart' });

    const { version } = (await owner.get(`/api/transcripts/${id}/versions/0`)).body;
    expect(version).toMatchObject({ number: 0, kind: 'import', name: null, createdBy: { id: ownerId, displayName: 'Ida Importer' } });
    const expected = parseTranscript(readSeed(seed001), { fileName: seed001 });
    expect(version.content).toEqual(expected);
    // The API returns schema key order, so the stored text round-trips byte for byte.
    expect(serializeTranscriptJson(version.content)).toBe(serializeTranscriptJson(expected));
    expect(version.contentSha256).toBe(await hashTranscript(version.content));
    expect(version.contentSha256).toBe(await hashTranscript(expected));

    // The live seed is written with version 0: the first open loads it, builds nothing, writes nothing.
    const checkpoints = await db.prisma.documentCheckpoint.findMany({ where: { transcriptId: id } });
    expect(checkpoints.map((checkpoint) => checkpoint.uptoSeq)).toEqual([0]);
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, new Uint8Array(checkpoints[0]!.state));
    expect(readTranscriptDoc(seeded)).toEqual(expected);
  });
});

describe('our own fixtures', () => {
  it.each([
    ['sample.srt', 'srt'],
    ['sample.vtt', 'vtt'],
    ['sample.txt', 'text'],
    ['cart-variants.txt', 'cart'],
  ])('previews %s as %s', async (name, format) => {
    const response = await upload(owner, '/api/imports/preview', readFixture(name), { fileName: name });
    expect(response.status).toBe(200);
    expect(response.body.preview.detectedFormat).toBe(format);
    expect(response.body.preview.summary.turnCount).toBeGreaterThan(0);
  });

  it('takes the title from the query, else the file name without its extension', async () => {
    const named = await upload(owner, '/api/imports', readFixture('sample.txt'), { fileName: 'Plénière 3 mai.txt', query: 'title=Council%2C%20May%203' });
    expect(named.body.transcript.title).toBe('Council, May 3');
    const unnamed = await upload(owner, '/api/imports', readFixture('sample.txt'), { fileName: 'Plénière 3 mai.txt' });
    expect(unnamed.body.transcript.title).toBe('Plénière 3 mai');
    expect((await db.prisma.transcript.findUniqueOrThrow({ where: { id: unnamed.body.transcript.id } })).sourceFileName).toBe('Plénière 3 mai.txt');
  });

  it('re-imports its own Verity JSON losslessly, detected as json', async () => {
    const original = parseTranscript(readFixture('sample.vtt'), { fileName: 'sample.vtt' });
    const response = await upload(owner, '/api/imports', serializeTranscriptJson(original), { fileName: 'export.json' });
    expect(response.status).toBe(201);
    const row = await db.prisma.transcript.findUniqueOrThrow({ where: { id: response.body.transcript.id } });
    expect(row.sourceFormat).toBe('json');
    expect(row.title).toBe('Panel on captions');
    const { version } = (await owner.get(`/api/transcripts/${row.id}/versions/0`)).body;
    expect(version.content).toEqual(original);
    expect(version.contentSha256).toBe(await hashTranscript(original));
  });

  it('forces a format with ?format=', async () => {
    const response = await upload(owner, '/api/imports/preview', readFixture('sample.txt'), { query: 'format=cart' });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('malformed_file');
  });
});

describe('bad input is refused with the error shape, and nothing is written', () => {
  const badInputs: { name: string; bytes: Uint8Array | string; fileName?: string | null; query?: string; status: number; code: string }[] = [
    { name: 'an empty file', bytes: new Uint8Array(0), status: 422, code: 'empty_file' },
    { name: 'a whitespace-only file', bytes: ' \n\u00a0\n', status: 422, code: 'empty_file' },
    { name: 'binary data', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]), status: 415, code: 'binary_file' },
    { name: 'a PDF', bytes: '%PDF-1.7\nstuff', status: 415, code: 'unsupported_format' },
    { name: 'a bad encoding (UTF-32)', bytes: new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), status: 415, code: 'unsupported_encoding' },
    { name: 'malformed SRT', bytes: '1\n00:00:01,000 -> 00:00:02,000\nHello\n', query: 'format=srt', status: 422, code: 'malformed_file' },
    { name: 'JSON that is not valid JSON', bytes: '{"schema": ', status: 422, code: 'malformed_file' },
    { name: 'JSON failing the schema', bytes: JSON.stringify({ schema: 'verity.transcript/1', metadata: {}, speakers: [], turns: [{ id: 't1', speakerId: 'ghost', content: [] }] }), status: 422, code: 'malformed_file' },
    { name: 'JSON with a NUL character', bytes: JSON.stringify({ schema: 'verity.transcript/1', metadata: {}, speakers: [], turns: [{ id: 't1', content: [{ type: 'text', text: 'a\u0000b' }] }] }), status: 422, code: 'malformed_file' },
    { name: 'an unknown format parameter', bytes: 'Alice: hello', query: 'format=docx', status: 400, code: 'validation_failed' },
    { name: 'a missing file name', bytes: 'Alice: hello', fileName: null, status: 400, code: 'validation_failed' },
    { name: 'an empty file name', bytes: 'Alice: hello', fileName: '  ', status: 400, code: 'validation_failed' },
    { name: 'an empty title', bytes: 'Alice: hello', query: 'title=%20', status: 400, code: 'validation_failed' },
  ];

  for (const bad of badInputs) {
    it(`${bad.name} → ${bad.status} ${bad.code}`, async () => {
      const before = await countRows();
      for (const path of ['/api/imports/preview', '/api/imports']) {
        const response = await upload(owner, path, bad.bytes, { fileName: bad.fileName, query: bad.query });
        expect(response.status).toBe(bad.status);
        expect(response.body.error).toEqual({ code: bad.code, message: expect.any(String) });
      }
      expect(await countRows()).toEqual(before);
    });
  }

  it('a file name that is not URI-encoded → 400', async () => {
    const response = await owner.upload('/api/imports', 'Alice: hello', { 'x-file-name': '100%.txt' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
  });

  it('a body that is not application/octet-stream → 415', async () => {
    const response = await owner.post('/api/imports', { text: 'Alice: hello' });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
    expect(response.body.error.message).toMatch(/application\/octet-stream/);
  });

  it('a body over the upload limit → 413, before parsing', async () => {
    const smallApp = buildApp(db.prisma, { maxUploadBytes: 1024 });
    const client = await new TestClient(smallApp).signIn((await db.prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).email);
    const before = await countRows();
    for (const path of ['/api/imports/preview', '/api/imports']) {
      const response = await upload(client, path, `Alice: ${'words '.repeat(400)}`);
      expect(response.status).toBe(413);
      expect(response.body.error).toEqual({ code: 'payload_too_large', message: expect.any(String) });
    }
    expect(await countRows()).toEqual(before);
  });
});

describe('access', () => {
  it('refuses anonymous uploads with 401 and uploads without the CSRF header with 403', async () => {
    const anonymous = new TestClient(app);
    expect((await upload(anonymous, '/api/imports/preview', 'Alice: hello')).status).toBe(401);
    expect((await upload(anonymous, '/api/imports', 'Alice: hello')).status).toBe(401);
    const forged = await owner.agent.post('/api/imports').set('content-type', 'application/octet-stream').set('x-file-name', 'a.txt').send(Buffer.from('Alice: hi'));
    expect(forged.status).toBe(403);
  });

  it('lets members read version 0; outsiders get 404, anonymous 401', async () => {
    const imported = await upload(owner, '/api/imports', readFixture('sample.srt'), { fileName: 'sample.srt' });
    const id = imported.body.transcript.id;
    const viewer = await buildUser(db.prisma);
    await db.prisma.membership.create({ data: { transcriptId: id, userId: viewer.id, role: 'viewer' } });
    const outsider = await buildUser(db.prisma);
    const viewerResponse = await (await new TestClient(app).signIn(viewer.email)).get(`/api/transcripts/${id}/versions/0`);
    expect(viewerResponse.status).toBe(200);
    expect(viewerResponse.body.version.number).toBe(0);
    const outsiderResponse = await (await new TestClient(app).signIn(outsider.email)).get(`/api/transcripts/${id}/versions/0`);
    expect(outsiderResponse.status).toBe(404);
    expect(outsiderResponse.body.error.code).toBe('not_found');
    expect((await new TestClient(app).get(`/api/transcripts/${id}/versions/0`)).status).toBe(401);
    expect((await owner.get(`/api/transcripts/${id}/versions/1`)).status).toBe(404);
    expect((await owner.get(`/api/transcripts/${id}/versions/latest`)).status).toBe(404);
  });
});

describe('versions are immutable', () => {
  it('refuses UPDATE and direct DELETE in the database, but go with their transcript', async () => {
    const imported = await upload(owner, '/api/imports', readFixture('sample.txt'), { fileName: 'sample.txt' });
    const id = imported.body.transcript.id;
    await expect(db.prisma.$executeRaw`UPDATE transcript_versions SET note = 'tampered' WHERE transcript_id = ${id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.prisma.$executeRaw`UPDATE transcript_versions SET content = '{}'::jsonb WHERE transcript_id = ${id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.prisma.$executeRaw`DELETE FROM transcript_versions WHERE transcript_id = ${id}::uuid`).rejects.toThrow(/immutable/);
    expect(await db.prisma.transcriptVersion.count({ where: { transcriptId: id } })).toBe(1);

    expect((await owner.delete(`/api/transcripts/${id}`)).status).toBe(204);
    expect(await db.prisma.transcriptVersion.count({ where: { transcriptId: id } })).toBe(0);
  });
});
