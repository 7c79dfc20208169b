import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildTranscript, buildUser } from '../testing/factories.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
let db: TestDatabase;

/** Runs `npm run cli -- …` the way an administrator does, against the test database. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: db.url },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

// Each case starts real CLI processes (tsx start-up, argon2), which takes seconds on a loaded machine.
describe('admin CLI', { timeout: 120_000 }, () => {
  it('creates users with a password from a flag or standard input, and lists them', async () => {
    expect(cli(['user', 'create', '--email', 'Ada@Example.test', '--name', 'Ada', '--password', 'a long enough password']).code).toBe(0);
    expect(cli(['user', 'create', '--email', 'bob@example.test', '--name', 'Bob', '--admin'], 'piped in password\n').code).toBe(0);
    const list = cli(['user', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ada@example\.test\s+Ada/);
    expect(list.stdout).toMatch(/bob@example\.test\s+Bob\s+yes/);
  });

  it('refuses bad input with one line on stderr and a non-zero exit, writing nothing', async () => {
    const before = await db.prisma.user.count();
    const short = cli(['user', 'create', '--email', 'c@example.test', '--name', 'C', '--password', 'short']);
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe('error: --password: must be at least 10 characters');
    const duplicate = cli(['user', 'create', '--email', 'ada@example.test', '--name', 'Ada again', '--password', 'a long enough password']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    expect(await db.prisma.user.count()).toBe(before);
  });

  it('resets a password and signs the account out everywhere', async () => {
    const user = await buildUser(db.prisma);
    await db.prisma.session.create({ data: { id: 'x'.repeat(64), userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    expect(cli(['user', 'reset-password', '--email', user.email, '--password', 'a brand new password']).code).toBe(0);
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('adds members and lists them', async () => {
    const owner = await buildUser(db.prisma, { displayName: 'Owner Person' });
    const editor = await buildUser(db.prisma, { displayName: 'Editor Person' });
    const transcript = await buildTranscript(db.prisma, { ownerId: owner.id });
    expect(cli(['member', 'add', transcript.id, '--email', editor.email, '--role', 'editor']).code).toBe(0);
    const list = cli(['member', 'list', transcript.id]);
    expect(list.stdout).toMatch(/Owner Person\s+owner/);
    expect(list.stdout).toMatch(/Editor Person\s+editor/);
    expect(cli(['member', 'add', transcript.id, '--email', editor.email, '--role', 'admin']).code).toBe(1);
    const missing = cli(['member', 'list', '00000000-0000-0000-0000-000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No transcript with id/);
  });

  it('has --help for every command', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/user/);
    expect(cli(['user', 'create', '--help']).stdout).toMatch(/--email/);
  });
});
