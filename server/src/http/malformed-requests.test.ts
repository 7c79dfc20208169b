import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import supertest from 'supertest';
import { csrfHeaderName, errorCodes } from '@verity/common';
import { jsonBodyLimitBytes } from '../app.ts';
import { buildApp, buildUser, TestClient } from '../testing/factories.ts';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

/** One route of each family; `:name` segments are filled in with real ids (or a bad `%` escape). */
const routes: { family: string; method: 'get' | 'post' | 'patch' | 'delete'; path: string; isUpload?: boolean }[] = [
  { family: 'auth', method: 'post', path: '/api/auth/login' },
  { family: 'auth', method: 'post', path: '/api/setup' },
  { family: 'auth', method: 'post', path: '/api/auth/signup' },
  { family: 'auth', method: 'post', path: '/api/auth/password' },
  { family: 'transcripts', method: 'post', path: '/api/transcripts' },
  { family: 'transcripts', method: 'patch', path: '/api/transcripts/:id' },
  { family: 'imports', method: 'post', path: '/api/imports/preview', isUpload: true },
  { family: 'imports', method: 'post', path: '/api/imports', isUpload: true },
  { family: 'members', method: 'post', path: '/api/transcripts/:id/members' },
  { family: 'members', method: 'patch', path: '/api/transcripts/:id/members/:userId' },
  { family: 'members', method: 'delete', path: '/api/transcripts/:id/members/:otherUserId' },
  { family: 'invitations', method: 'post', path: '/api/transcripts/:id/invitations' },
  { family: 'invitations', method: 'get', path: '/api/transcripts/:id/invitations' },
  { family: 'invitations', method: 'post', path: '/api/transcripts/:id/invitations/:invitationId/revoke' },
  { family: 'invitations', method: 'get', path: '/api/invitations/:token' },
  { family: 'invitations', method: 'post', path: '/api/invitations/:token/accept' },
  { family: 'review', method: 'post', path: '/api/transcripts/:id/review/submit' },
  { family: 'review', method: 'post', path: '/api/transcripts/:id/review/approve' },
  { family: 'speakers', method: 'post', path: '/api/transcripts/:id/speakers/merge' },
  { family: 'speakers', method: 'patch', path: '/api/transcripts/:id/speakers/:speakerId' },
  { family: 'comments', method: 'post', path: '/api/transcripts/:id/comments' },
  { family: 'comments', method: 'post', path: '/api/transcripts/:id/comments/:commentId/replies' },
  { family: 'comments', method: 'patch', path: '/api/transcripts/:id/comments/:commentId' },
  { family: 'history', method: 'post', path: '/api/transcripts/:id/versions' },
  { family: 'history', method: 'get', path: '/api/transcripts/:id/versions/:number' },
  { family: 'history', method: 'post', path: '/api/transcripts/:id/versions/:number/restore' },
  { family: 'history', method: 'post', path: '/api/transcripts/:id/versions/:number/turns/:turnId/restore' },
  { family: 'history', method: 'get', path: '/api/transcripts/:id/activity?before=1' },
  { family: 'history', method: 'get', path: '/api/transcripts/:id/compare?from=0' },
  { family: 'export', method: 'get', path: '/api/transcripts/:id/export?format=markdown' },
  { family: 'media', method: 'post', path: '/api/transcripts/:id/media/uploads' },
  { family: 'media', method: 'post', path: '/api/transcripts/:id/media/timings' },
  { family: 'transcripts', method: 'delete', path: '/api/transcripts/:otherTranscriptId' },
];

const maxUploadBytes = 64 * 1024;
const badEscape = '%E0%A4%A';

interface Malformed {
  kind: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Paths get a bad `%` escape instead of their ids. */
  isBadPath?: boolean;
  /** The status body-parsing gives every route, before authentication and CSRF (undefined: depends on the route). */
  status?: number;
}

const json = { 'content-type': 'application/json' };
const garbage = Buffer.from('this is not compressed at all, just text pretending to be');

function malformedKinds(route: (typeof routes)[number]): Malformed[] {
  const ownType = route.isUpload ? { 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' } : json;
  // Uploads are read only once the sender is signed in; JSON bodies are read before anything else.
  const compressedStatus = route.isUpload ? undefined : 400;
  return [
    { kind: 'bad JSON', headers: json, body: Buffer.from('{"email": "a@b.c", '), status: 400 },
    { kind: 'bad gzip', headers: { ...ownType, 'content-encoding': 'gzip' }, body: garbage, status: compressedStatus },
    { kind: 'bad deflate', headers: { ...ownType, 'content-encoding': 'deflate' }, body: garbage, status: compressedStatus },
    { kind: 'bad brotli', headers: { ...ownType, 'content-encoding': 'br' }, body: garbage, status: compressedStatus },
    { kind: 'truncated gzip', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync('{"title": "a title long enough"}').subarray(0, 20), status: 400 },
    { kind: 'unknown encoding', headers: { ...json, 'content-encoding': 'x-squash' }, body: Buffer.from('{}'), status: 415 },
    { kind: 'bad charset', headers: { 'content-type': 'application/json; charset=klingon' }, body: Buffer.from('{}'), status: 415 },
    { kind: 'wrong content type', headers: route.isUpload ? json : { 'content-type': 'text/plain' }, body: Buffer.from(route.isUpload ? '{"a": 1}' : 'hello') },
    { kind: 'no content type', headers: {}, body: Buffer.from('{"title": "x"}') },
    { kind: 'deeply nested JSON', headers: json, body: Buffer.from(`{"title":${'['.repeat(30_000)}${']'.repeat(30_000)}}`) },
    { kind: 'a huge array', headers: json, body: Buffer.from(JSON.stringify({ into: 's1', from: Array.from({ length: 9000 }, (_, i) => `s${i}`) })) },
    { kind: 'JSON that is not an object', headers: json, body: Buffer.from('"just a string"'), status: 400 },
    { kind: 'prototype keys', headers: json, body: Buffer.from('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},"title":"t"}') },
    { kind: 'oversized JSON', headers: json, body: Buffer.from(JSON.stringify({ title: 'x'.repeat(jsonBodyLimitBytes) })), status: 413 },
    { kind: 'gzip bomb', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify({ title: '0'.repeat(5_000_000) })), status: 413 },
    { kind: 'oversized file', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt' }, body: Buffer.alloc(maxUploadBytes + 1, 'a') },
    { kind: 'bad % escape', headers: json, body: Buffer.from('{}'), isBadPath: true },
    { kind: 'bad % escape in the query', headers: json, body: Buffer.from('{}') },
  ];
}

let db: TestDatabase;
let app: Express;
let ids: Record<string, string>;
let signedIn: TestClient;
/** The token TestClient keeps in its CSRF cookie. */
const csrfToken = 'test-csrf-token-0123456789abcdefghijkl';

beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma, { maxUploadBytes });
  const owner = await buildUser(db.prisma);
  const member = await buildUser(db.prisma);
  const transcript = await importAs(db.prisma, { ownerId: owner.id, text: cleanCart, fileName: 'clean.txt', members: [{ userId: member.id, role: 'editor' }] });
  signedIn = await new TestClient(app).signIn(owner.email);
  const speakers = (await signedIn.get(`/api/transcripts/${transcript.id}/speakers`)).body.speakers as { speaker: { id: string } }[];
  // Deletions aim at a second transcript and a stranger, so the rows the other routes use stay.
  const other = await importAs(db.prisma, { ownerId: owner.id, text: cleanCart, fileName: 'other.txt' });
  const stranger = await buildUser(db.prisma);
  ids = {
    id: transcript.id,
    userId: member.id,
    otherUserId: stranger.id,
    otherTranscriptId: other.id,
    invitationId: '00000000-0000-4000-8000-000000000000',
    commentId: '00000000-0000-4000-8000-000000000001',
    token: 'no-such-invitation-token',
    speakerId: speakers[0]!.speaker.id,
    number: '0',
    turnId: 't1',
  };
});
afterAll(() => db.drop());

function pathFor(route: (typeof routes)[number], malformed: Malformed): string {
  let path = route.path.replace(/:(\w+)/g, (_match, name: string) => (malformed.isBadPath ? badEscape : encodeURIComponent(ids[name]!)));
  if (malformed.isBadPath && !route.path.includes(':')) path = path.replace(/\/([^/?]+)(\?|$)/, `/x${badEscape}$1$2`);
  if (malformed.kind === 'bad % escape in the query') path += `${path.includes('?') ? '&' : '?'}title=${badEscape}&format=%zz`;
  return path;
}

/** Who sends: a signed-in owner, an anonymous visitor with the CSRF pair, and a bare client with no cookies at all. */
const senders = {
  'signed in': () => signedIn.agent,
  anonymous: () => new TestClient(app).agent,
  'without cookies or CSRF': () => supertest.agent(app),
};

describe('malformed requests never answer 500', () => {
  for (const [who, agentOf] of Object.entries(senders)) {
    it(`every route family, every malformed body kind (${who})`, async () => {
      const failures: string[] = [];
      for (const route of routes) {
        for (const malformed of malformedKinds(route)) {
          const path = pathFor(route, malformed);
          let request = agentOf()[route.method](path).set(malformed.headers);
          if (who !== 'without cookies or CSRF') request = request.set(csrfHeaderName, csrfToken);
          // Bytes as they are: superagent would otherwise JSON-encode a Buffer sent as application/json.
          const response = await request.serialize((body) => body).send(malformed.body);
          const where = `${who} ${route.method.toUpperCase()} ${path.slice(0, 80)} [${malformed.kind}] → ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`;
          if (response.status >= 500) failures.push(where);
          else if (malformed.status !== undefined && response.status !== malformed.status) failures.push(`expected ${malformed.status}: ${where}`);
          else if (response.status >= 400) {
            const error = response.body?.error;
            const isShaped = typeof error?.message === 'string' && (errorCodes as readonly string[]).includes(error?.code) && Object.keys(response.body).length === 1;
            if (!isShaped) failures.push(`not the error shape: ${where}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }

  it('signed in, wrong content types are 415 and bad `%` escapes in ids are 400', async () => {
    const text = await signedIn.agent.post('/api/transcripts').set(csrfHeaderName, csrfToken).set('content-type', 'text/plain').send('a title');
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const upload = await signedIn.post('/api/imports/preview', { text: 'Alice: hi' });
    expect(upload.status).toBe(415);
    const gzipped = await signedIn.upload('/api/imports/preview', garbage, { 'x-file-name': 'a.txt', 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(400);
    expect(gzipped.body.error.message).toMatch(/decompress/);
    const escape = await signedIn.patch(`/api/transcripts/${badEscape}`, { title: 'x' });
    expect(escape.status).toBe(400);
    expect(escape.body.error).toEqual({ code: 'bad_request', message: 'The request path has a malformed % escape.' });
    const nested = await signedIn.get(`/api/transcripts/${ids.id}/speakers/${badEscape}`);
    expect(nested.status).toBeLessThan(500);
  });

  it('a garbage gzip body sent anonymously to sign-in, before the CSRF check, is a 400', async () => {
    const response = await supertest(app).post('/api/auth/login').set('content-type', 'application/json').set('content-encoding', 'gzip').serialize((body) => body).send(garbage);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toMatch(/decompress/);
  });
});
