import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript, transcriptSchema } from '@verity/common';
import { readFixture } from '../../../common/src/formats/fixtures/read-fixture.ts';
import { buildUser } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(repoRoot, 'common/src/formats/fixtures');
// A database that cannot be reached and a data folder that must not appear: `parse` touches neither.
const unusedDataDir = path.join(os.tmpdir(), `verity-cli-unused-${process.pid}`);
const noDatabase = { DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none', VERITY_DATA_DIR: unusedDataDir };

/** Runs the CLI as a person would, returning its exit code and output. */
async function cli(args: string[], env: Record<string, string> = noDatabase): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('cli parse', () => {
  it('prints the parsed transcript as Verity JSON, without a database', async () => {
    const result = await cli(['parse', path.join(fixtures, 'sample.vtt')]);
    expect(result.code).toBe(0);
    const printed = transcriptSchema.parse(JSON.parse(result.stdout));
    expect(printed).toEqual(parseTranscript(readFixture('sample.vtt'), { fileName: 'sample.vtt' }));
    expect(existsSync(unusedDataDir)).toBe(false);
  });

  it('lists what a messy caption file lost on stderr, one line each, and still prints the rest', async () => {
    const result = await cli(['parse', path.join(fixtures, 'messy.vtt')]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).turns).toHaveLength(3);
    expect(result.stderr.trim().split('\n')).toEqual([
      'warning: line 8: timing `00:00:60.000` is not a valid time (minutes and seconds go up to 59); the cue was skipped',
      'warning: line 14: a STYLE block after the first cue is ignored (it must come before the cues)',
      'warning: line 17: timing `intro` is not a valid time; the line was skipped',
      'warning: line 21: the cue ends at 00:00:11.000, before it starts at 00:00:12.000; it was kept with its end set to its start',
    ]);
  });

  it('honours --format', async () => {
    const result = await cli(['parse', path.join(fixtures, 'sample.txt'), '--format', 'text']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).metadata.sourceFormat).toBe('text');
  });

  it.each([
    ['a missing file', ['parse', path.join(fixtures, 'no-such-file.txt')], /^error: No such file: /],
    ['a forced format with no usable cue', ['parse', path.join(fixtures, 'sample.txt'), '--format', 'srt'], /^error: The SRT file contains no cues: line 1: /],
    ['an unknown format', ['parse', path.join(fixtures, 'sample.txt'), '--format', 'docx'], /^error: --format: /],
  ])('exits 1 with one error line on %s', async (_name, args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});

describe('cli import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates the transcript with version 0 and prints its id and URL', async () => {
    const owner = await buildUser(db.prisma);
    const env = { DATABASE_URL: db.url, VERITY_PUBLIC_URL: 'https://verity.example.test' };
    const result = await cli(['import', path.join(fixtures, 'sample.srt'), '--owner', owner.email, '--title', 'Captions test'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = /as ([0-9a-f-]{36})/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`https://verity.example.test/t/${id}`);
    const transcript = await db.prisma.transcript.findUniqueOrThrow({ where: { id }, include: { versions: true, memberships: true } });
    expect(transcript).toMatchObject({ title: 'Captions test', ownerId: owner.id, sourceFileName: 'sample.srt', sourceFormat: 'srt' });
    expect(transcript.versions.map((v) => [v.number, v.kind])).toEqual([[0, 'import']]);
    expect(transcript.memberships).toEqual([expect.objectContaining({ userId: owner.id, role: 'owner' })]);
  });

  it('refuses an unknown owner with one error line and writes nothing', async () => {
    const before = await db.prisma.transcript.count();
    const result = await cli(['import', path.join(fixtures, 'sample.srt'), '--owner', 'ghost@example.test'], { DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: No account with the e-mail ghost@example.test.');
    expect(await db.prisma.transcript.count()).toBe(before);
  });
});
