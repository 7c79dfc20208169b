import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { cacheControlForAsset } from './client-assets.ts';

let db: TestDatabase;
let app: Express;
let clientDist: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // A client build of our own, so the test does not depend on `npm run build`.
  clientDist = await mkdtemp(path.join(os.tmpdir(), 'verity-client-'));
  await mkdir(path.join(clientDist, 'assets'));
  await writeFile(path.join(clientDist, 'index.html'), '<!doctype html><title>Verity</title>');
  await writeFile(path.join(clientDist, 'assets', 'index-BAXQI4ls.js'), 'console.log(1)');
  await writeFile(path.join(clientDist, 'assets', 'index-B-f3PBNr.css'), 'body{}');
  await writeFile(path.join(clientDist, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(clientDist, 'favicon.ico'), 'icon');
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), clientDist });
});
afterAll(async () => {
  await db.drop();
  await rm(clientDist, { recursive: true, force: true });
});

describe('Cache-Control', () => {
  it('is no-store on every API answer, success or error, and on /healthz', async () => {
    const owner = await buildUser(db.prisma);
    const client = await new TestClient(app).signIn(owner.email);
    const transcript = await importAs(db.prisma, { ownerId: owner.id, text: cleanCart, fileName: 'clean.txt' });
    const responses = [
      await client.get('/api/auth/me'),
      await client.get('/api/transcripts'),
      await client.get(`/api/transcripts/${transcript.id}/export?format=text`),
      await client.post('/api/transcripts', { title: '' }),
      await client.agent.post('/api/auth/login').set('content-type', 'application/json').send('{"bad json'),
      await client.get('/api/no-such-endpoint'),
      await client.get('/api/transcripts/%E0%A4%A'),
      await supertest(app).get('/api/auth/me'),
      await supertest(app).post('/api/transcripts').send({ title: 'x' }),
      await supertest(app).get('/healthz'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 400, 400, 404, 400, 401, 403, 200]);
    for (const response of responses) expect(response.headers['cache-control']).toBe('no-store');
  });

  it('caches content-hashed assets for a year as immutable and revalidates everything else', async () => {
    const hashed = await supertest(app).get('/assets/index-BAXQI4ls.js');
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await supertest(app).get('/assets/index-B-f3PBNr.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const unhashed of ['/assets/logo.svg', '/favicon.ico', '/index.html']) {
      const response = await supertest(app).get(unhashed);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    for (const route of ['/', '/login', '/t/3a0626c2-c67e-4335-847b-e54b34d86ebe']) {
      const page = await supertest(app).get(route);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>Verity</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers 404 for a missing asset rather than index.html a browser would keep as a script', async () => {
    const missing = await supertest(app).get('/assets/index-OLDHASH1.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<title>Verity</title>');
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it('tells hashed asset paths from others', () => {
    expect(cacheControlForAsset('assets/vendor-D4x_9k-Q.js')).toMatch(/immutable/);
    expect(cacheControlForAsset(path.join('assets', 'index-BAXQI4ls.js.map'))).toMatch(/immutable/);
    expect(cacheControlForAsset('assets/logo.svg')).toBe('no-cache');
    expect(cacheControlForAsset('assets/nested/app-BAXQI4ls.js')).toBe('no-cache');
    expect(cacheControlForAsset('index-BAXQI4ls.js')).toBe('no-cache');
    expect(cacheControlForAsset('index.html')).toBe('no-cache');
  });
});
