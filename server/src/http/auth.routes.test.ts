import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildApp, buildUser, TestClient, testPassword } from '../testing/factories.ts';

let db: TestDatabase;
let app: Express;
beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma);
});
afterAll(() => db.drop());

describe('first-run setup', () => {
  it('creates the owner once, signs them in, and refuses a second time', async () => {
    const client = new TestClient(app);
    expect((await client.get('/api/setup')).body).toEqual({ needsSetup: true, openSignup: false });

    const [first, second] = await Promise.all([
      client.post('/api/setup', { email: 'Owner@Example.test ', displayName: 'Olga Owner', password: testPassword }),
      new TestClient(app).post('/api/setup', { email: 'other@example.test', displayName: 'Other', password: testPassword }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    expect(await db.prisma.user.count()).toBe(1);

    const winner = first.status === 201 ? client : null;
    if (winner) {
      const me = await winner.get('/api/auth/me');
      expect(me.body.user).toMatchObject({ email: 'owner@example.test', displayName: 'Olga Owner', isAdmin: true });
    }
    expect((await client.get('/api/setup')).body.needsSetup).toBe(false);
    const again = await new TestClient(app).post('/api/setup', { email: 'late@example.test', displayName: 'Late', password: testPassword });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });
});

describe('sign-in', () => {
  it('signs in, reports the user, signs out and forgets the session', async () => {
    const user = await buildUser(db.prisma);
    const client = await new TestClient(app).signIn(user.email);
    expect((await client.get('/api/auth/me')).body.user.id).toBe(user.id);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(1);
    const session = await db.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.id).toMatch(/^[0-9a-f]{64}$/); // only the token's hash is stored

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('sets an httpOnly, SameSite session cookie', async () => {
    const user = await buildUser(db.prisma);
    const response = await new TestClient(app).post('/api/auth/login', { email: user.email, password: testPassword });
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('verity_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const user = await buildUser(db.prisma);
    const wrong = await new TestClient(app).post('/api/auth/login', { email: user.email, password: 'not the password' });
    const unknown = await new TestClient(app).post('/api/auth/login', { email: 'nobody@example.test', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthenticated');
  });

  it('locks an account after five failures, even with the right password', async () => {
    const user = await buildUser(db.prisma);
    const client = new TestClient(app);
    for (let i = 0; i < 5; i += 1) {
      expect((await client.post('/api/auth/login', { email: user.email, password: 'wrong password' })).status).toBe(401);
    }
    const locked = await client.post('/api/auth/login', { email: user.email, password: testPassword });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'rate_limited' });
    expect(locked.body.error.message).toMatch(/Try again in \d+ minutes?/);
  });

  it('refuses state changes without the CSRF header', async () => {
    const user = await buildUser(db.prisma);
    const client = new TestClient(app);
    const response = await client.agent.post('/api/auth/login').send({ email: user.email, password: testPassword });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_failed');
    const forged = await client.agent.post('/api/auth/login').set('x-csrf-token', 'another-token-0123456789abcdefghijk').send({ email: user.email, password: testPassword });
    expect(forged.status).toBe(403);
  });
});

describe('sign-up', () => {
  it('is closed unless VERITY_OPEN_SIGNUP is set', async () => {
    const body = { email: 'new@example.test', displayName: 'New', password: testPassword };
    expect((await new TestClient(app).post('/api/auth/signup', body)).status).toBe(403);
    const openApp = buildApp(db.prisma, { isOpenSignup: true });
    expect((await new TestClient(openApp).post('/api/auth/signup', body)).status).toBe(201);
    expect((await new TestClient(openApp).post('/api/auth/signup', body)).status).toBe(409);
  });
});

describe('password change', () => {
  it('needs the current password and signs out other sessions', async () => {
    const user = await buildUser(db.prisma);
    const laptop = await new TestClient(app).signIn(user.email);
    const phone = await new TestClient(app).signIn(user.email);
    const wrong = await laptop.post('/api/auth/password', { currentPassword: 'not it', newPassword: 'a new long passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^currentPassword:/);

    const ok = await laptop.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'a new long passphrase' });
    expect(ok.status).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    await new TestClient(app).signIn(user.email, 'a new long passphrase');
  });
});

describe('bad requests', () => {
  it('answers malformed JSON, missing fields and oversized bodies with the error shape', async () => {
    const client = new TestClient(app);
    const malformed = await client.agent.post('/api/auth/login').set('x-csrf-token', 'test-csrf-token-0123456789abcdefghijkl').set('content-type', 'application/json').send('{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');

    const missing = await client.post('/api/auth/login', { email: 'a@example.test' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({ code: 'validation_failed', message: expect.stringMatching(/^password: /) });

    const usersBefore = await db.prisma.user.count();
    const huge = await client.post('/api/setup', { email: 'x@example.test', displayName: 'x'.repeat(2_000_000), password: testPassword });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect(await db.prisma.user.count()).toBe(usersBefore);

    const unknown = await client.get('/api/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

describe('health', () => {
  it('is ok only when the database answers', async () => {
    expect((await new TestClient(app).get('/healthz')).body).toEqual({ status: 'ok', database: 'up' });
  });
});
