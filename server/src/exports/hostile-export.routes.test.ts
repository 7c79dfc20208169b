import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { findUnintendedMarkup } from '@verity/common/testing/find-unintended-markup';
import { buildApp, buildUser, TestClient } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const img = '<img src=x onerror=alert(1)>';
const link = '[click](javascript:alert(1))';

/** A Verity JSON file whose ids are fine but whose title, names, words and notes are hostile. */
function hostileJson(turnId = 't1'): string {
  return JSON.stringify({
    schema: 'verity.transcript/1',
    metadata: { title: `${img} minutes`, event: link, venue: '# venue\n\n---' },
    speakers: [
      { id: 's1', label: 'ANA', displayName: `Ana ${img}` },
      { id: 's2', label: 'BO', displayName: '![pic](javascript:alert(1))' },
    ],
    turns: [
      { id: turnId, speakerId: 's1', content: [{ type: 'text', text: `Hello ${link} and ` }, { type: 'uncertain', text: '<script>alert(1)</script>', marker: '(?)' }] },
      { id: 't2', speakerId: 's2', content: [{ type: 'text', text: '    indented\n1. listed\n<div onclick=alert(1)>x</div>' }, { type: 'event', label: 'Noise', raw: '[<b>noise</b>]' }] },
    ],
    notes: [{ id: 'n1', afterTurnId: 't2', text: `> ${img}\n\n<iframe src=javascript:alert(1)>` }],
  });
}

let db: TestDatabase;
let app: Express;
let owner: TestClient;

beforeAll(async () => {
  db = await createTestDatabase();
  app = buildApp(db.prisma);
  // The editor's own name is transcript-supplied too, as the author of every change in the report.
  const user = await buildUser(db.prisma, { displayName: `Olga ${img}` });
  owner = await new TestClient(app).signIn(user.email);
});
afterAll(() => db.drop());

function importJson(text: string) {
  return owner.upload('/api/imports', text, { 'x-file-name': 'hostile.json' });
}

async function download(id: string, format: string): Promise<string> {
  const response = await owner.get(`/api/transcripts/${id}/export?format=${format}`).buffer(true);
  expect(response.status).toBe(200);
  return response.text;
}

describe('exports of a hostile transcript through the API', () => {
  it('refuses a JSON import whose ids are not ids, with the place and nothing stored', async () => {
    const before = await db.prisma.transcript.count();
    const refused = await importJson(hostileJson(img));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({ code: 'malformed_file', message: expect.stringMatching(/^The Verity transcript is invalid at turns\.0\.id: "<img src=x onerror=alert\(1\)>" is not an id/) });
    expect(await db.prisma.transcript.count()).toBe(before);
  });

  it('writes Markdown and the correction report (with the changes made since) that render to the writer’s elements only', async () => {
    const imported = await importJson(hostileJson());
    expect(imported.status).toBe(201);
    const id = imported.body.transcript.id as string;
    expect((await owner.patch(`/api/transcripts/${id}/speakers/s2`, { displayName: `Bo ${link}` })).status).toBe(200);

    const markdown = findUnintendedMarkup(await download(id, 'markdown'), ['h1', 'p', 'strong', 'em', 'ul', 'li', 'blockquote', 'mark', 'code']);
    expect(markdown.problems).toEqual([]);
    expect(markdown.tags.get('mark')).toBe(1);
    expect(markdown.tags.get('code')).toBe(1); // the version's SHA-256, which the server computed
    for (const text of [`${img} minutes`, `Ana ${img}:`, `Bo ${link}:`, `Hello ${link} and <script>alert(1)</script>(?)`, '1. listed', '<div onclick=alert(1)>x</div>', '[<b>noise</b>]', `> ${img}  <iframe src=javascript:alert(1)>`]) {
      expect(markdown.text).toContain(text);
    }

    const report = findUnintendedMarkup(await download(id, 'report'), ['h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'], 'default');
    expect(report.problems).toEqual([]);
    expect(report.text).toContain(`Correction report: ${img} minutes`);
    expect(report.text).toContain(`Olga ${img}`);
  });
});
