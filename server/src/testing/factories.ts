import { randomBytes } from 'node:crypto';
import type { Role } from '@verity/common';
import { csrfCookieName, csrfHeaderName } from '@verity/common';
import supertest from 'supertest';
import type { Express } from 'express';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { createLogger } from '../logger.ts';
import { createUser } from '../accounts/create-user.ts';
import { createTranscript } from '../transcripts/create-transcript.ts';

/** A password every test user has. */
export const testPassword = 'correct horse battery staple';

/** The app as the server builds it, with test configuration. */
export function buildApp(prisma: PrismaClient, overrides: Partial<Config> = {}): Express {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
  return createApp({ prisma, config, logger: createLogger({ level: 'silent' }) });
}

/** A user with a random e-mail, so tests never collide. */
export async function buildUser(prisma: PrismaClient, overrides: { email?: string; displayName?: string; isAdmin?: boolean } = {}) {
  const tag = randomBytes(4).toString('hex');
  return createUser(prisma, {
    email: overrides.email ?? `user-${tag}@example.test`,
    displayName: overrides.displayName ?? `User ${tag}`,
    password: testPassword,
    isAdmin: overrides.isAdmin ?? false,
  });
}

/** A transcript with an owner and, optionally, members with the given roles. */
export async function buildTranscript(prisma: PrismaClient, options: { ownerId: string; title?: string; members?: { userId: string; role: Exclude<Role, 'owner'> }[] }) {
  const transcript = await createTranscript(prisma, { ownerId: options.ownerId, title: options.title ?? 'Test transcript' });
  for (const member of options.members ?? []) {
    await prisma.membership.create({ data: { transcriptId: transcript.id, userId: member.userId, role: member.role } });
  }
  return transcript;
}

/** A cookie-keeping HTTP client that sends the CSRF header like the real client does. */
export class TestClient {
  readonly agent: ReturnType<typeof supertest.agent>;
  private csrf = 'test-csrf-token-0123456789abcdefghijkl';

  constructor(app: Express) {
    this.agent = supertest.agent(app);
    this.agent.set('Cookie', `${csrfCookieName}=${this.csrf}`);
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.agent.post(path).set(csrfHeaderName, this.csrf).send(body);
  }
  patch(path: string, body?: object) {
    return this.agent.patch(path).set(csrfHeaderName, this.csrf).send(body);
  }
  delete(path: string) {
    return this.agent.delete(path).set(csrfHeaderName, this.csrf);
  }
  /** Puts raw bytes as application/octet-stream (a chunk of a recording's upload). */
  putBytes(path: string, bytes: Uint8Array) {
    return this.agent.put(path).set(csrfHeaderName, this.csrf).set('content-type', 'application/octet-stream').send(Buffer.from(bytes));
  }
  /** Posts a file's raw bytes as application/octet-stream, the way the import screen uploads. */
  upload(path: string, bytes: Uint8Array | string, headers: Record<string, string> = {}) {
    const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
    return this.agent.post(path).set(csrfHeaderName, this.csrf).set('content-type', 'application/octet-stream').set(headers).send(body);
  }

  /** Signs in through the API, as a browser would. */
  async signIn(email: string, password = testPassword): Promise<this> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this;
  }
}
