import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from '@verity/common';
import { approveTranscript } from '../review/approve-transcript.ts';
import { submitForReview } from '../review/submit-for-review.ts';
import { buildUser } from '../testing/factories.ts';
import { readZipEntries as unzip } from '@verity/common/testing/read-zip-entries';
import { cleanCart, importAs } from '../testing/review-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let db: TestDatabase;
let transcriptId: string;
let approvedHash: string;
let dir: string;

/** Runs the CLI against the test database, as an administrator would with DATABASE_URL set. */
async function cli(args: string[], databaseUrl = db.url): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const owner = await buildUser(db.prisma, { displayName: 'Olga Owner' });
  const transcript = await importAs(db.prisma, { ownerId: owner.id, text: cleanCart, fileName: 'hearing.txt', title: 'Hearing' });
  transcriptId = transcript.id;
  await submitForReview(db.prisma, { transcriptId, actorId: owner.id });
  approvedHash = (await approveTranscript({ prisma: db.prisma, transcriptId, actorId: owner.id })).contentSha256;
  dir = await mkdtemp(path.join(os.tmpdir(), 'verity-export-cli-'));
});
afterAll(() => db.drop());

describe('cli export and verify --db', () => {
  it('exports the latest approved version, and verify --db names it', async () => {
    const file = path.join(dir, 'hearing.json');
    const exported = await cli(['export', transcriptId, '--format', 'json', '-o', file]);
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toBe(`wrote ${file} (hearing.v1.json, sha256 ${approvedHash})\n`);
    expect(await verifyExport(await readFile(file, 'utf8'))).toMatchObject({ isMatch: true, computedHash: approvedHash });

    const verified = await cli(['verify', file, '--db']);
    expect(verified.code).toBe(0);
    // Nothing was corrected, so version 0 (the import) has the same content: listed too, authoritative first.
    expect(verified.stdout.split('\n')).toEqual([
      `ok: sha256 ${approvedHash} matches`,
      expect.stringMatching(new RegExp(`^authoritative: "Hearing" \\(${transcriptId}\\) version 1, approval v1 by Olga Owner at \\d{4}-\\d\\d-\\d\\dT`)),
      `not authoritative: "Hearing" (${transcriptId}) version 0 has this content but was never approved`,
      '',
    ]);
  }, 120_000);

  it('writes text to standard output, needs -o for DOCX, and refuses what it cannot write', async () => {
    const text = await cli(['export', transcriptId, '--format', 'markdown']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`\`${approvedHash}\``);
    expect((await cli(['export', transcriptId, '--format', 'docx'])).stderr).toBe('error: hearing.v1.docx is binary; give -o FILE.\n');
    const docx = path.join(dir, 'hearing.docx');
    expect((await cli(['export', transcriptId, '--format', 'docx', '-o', docx])).code).toBe(0);
    expect(unzip(new Uint8Array(await readFile(docx))).get('word/document.xml')).toContain(approvedHash);
    expect((await cli(['export', transcriptId, '--format', 'srt'])).stderr).toMatch(/^error: This transcript has no timings/);
    expect((await cli(['export', '00000000-0000-0000-0000-000000000000', '--format', 'json'])).stderr).toBe('error: No transcript with id 00000000-0000-0000-0000-000000000000.\n');
  }, 120_000);

  it('keeps verify file-only without --db, even when no database is reachable', async () => {
    const file = path.join(dir, 'offline.json');
    await cli(['export', transcriptId, '--format', 'json', '-o', file]);
    const offline = await cli(['verify', file], 'postgresql://nobody:nothing@127.0.0.1:1/none');
    expect(offline).toMatchObject({ code: 0, stdout: `ok: sha256 ${approvedHash} matches\n` });
  }, 120_000);
});
