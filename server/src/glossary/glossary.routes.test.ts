import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { glossaryLimits } from '@verity/common';
import { createApp } from '../app.ts';
import { createLiveSessions } from '../collab/create-live-sessions.ts';
import type { LiveSessions } from '../collab/live-sessions.ts';
import { loadConfig } from '../config.ts';
import { domainEvents } from '../events/domain-events.ts';
import { createLogger } from '../logger.ts';
import { buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let db: TestDatabase;
let app: Express;
let liveSessions: LiveSessions;
let owner: TestClient;
let editor: TestClient;
let outsider: TestClient;
let ownerId: string;
let editorId: string;
const heard: { transcriptId: string; topics: string[] }[] = [];
let stopHearing: () => void;

beforeAll(async () => {
  db = await createTestDatabase();
  liveSessions = createLiveSessions(db.prisma);
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }), liveSessions });
  const [o, e, x] = await Promise.all([0, 1, 2].map(() => buildUser(db.prisma)));
  ownerId = o!.id;
  editorId = e!.id;
  owner = await new TestClient(app).signIn(o!.email);
  editor = await new TestClient(app).signIn(e!.email);
  outsider = await new TestClient(app).signIn(x!.email);
  stopHearing = domainEvents.on('transcriptChanged', (event) => heard.push(event));
});
afterEach(() => {
  heard.length = 0;
});
afterAll(async () => {
  stopHearing();
  await liveSessions.closeAll('server_shutdown');
  await db.drop();
});

async function listWithTerm(client = owner) {
  const created = await client.post('/api/glossaries', { name: 'IGF meetings' });
  expect(created.status).toBe(201);
  const withTerm = await client.post(`/api/glossaries/${created.body.id}/terms`, { term: 'consensus', misrecognitions: ['know Cus'], note: 'IGF' });
  expect(withTerm.status).toBe(201);
  return withTerm.body as { id: string; terms: { id: string }[] };
}

async function transcriptWithEditor() {
  return buildTranscript(db.prisma, { ownerId, members: [{ userId: editorId, role: 'editor' }] });
}

describe('term lists', () => {
  it('belong to their creator: create, add, change and remove terms; others are refused', async () => {
    const list = await listWithTerm();
    const termId = list.terms[0]!.id;
    const changed = await owner.patch(`/api/glossaries/${list.id}/terms/${termId}`, { term: 'consensus', misrecognitions: ['know Cus', 'con census'] });
    expect(changed.status).toBe(200);
    expect(changed.body.terms).toEqual([{ id: termId, term: 'consensus', misrecognitions: ['know Cus', 'con census'], note: '' }]);
    expect((await owner.get('/api/glossaries')).body.glossaries).toContainEqual(expect.objectContaining({ id: list.id, termCount: 1 }));
    // Same spelling in another case is the same term.
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'Consensus', misrecognitions: [] })).status).toBe(409);

    // A stranger cannot learn the list exists, read it, change it, import into it or delete it.
    expect((await outsider.get(`/api/glossaries/${list.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/glossaries/${list.id}/terms`, { term: 'x', misrecognitions: [] })).status).toBe(404);
    expect((await outsider.patch(`/api/glossaries/${list.id}/terms/${termId}`, { term: 'x', misrecognitions: [] })).status).toBe(404);
    expect((await outsider.upload(`/api/glossaries/${list.id}/import`, 'term,misrecognitions\nx,y\n')).status).toBe(404);
    expect((await outsider.delete(`/api/glossaries/${list.id}`)).status).toBe(404);
    expect((await outsider.get('/api/glossaries')).body.glossaries).toEqual([]);
    // A forged id, a wrong type, an oversized value.
    expect((await owner.get('/api/glossaries/not-a-uuid')).status).toBe(404);
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 42, misrecognitions: [] })).status).toBe(400);
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'x'.repeat(glossaryLimits.termLength + 1), misrecognitions: [] })).status).toBe(400);
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'x', misrecognitions: [], note: 'a\u0000b' })).status).toBe(400);
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'x', misrecognitions: ['a|b'] })).status).toBe(400);
    const tooMany = Array.from({ length: glossaryLimits.misrecognitionsPerTerm + 1 }, (_, index) => `m${index}`);
    expect((await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'x', misrecognitions: tooMany })).status).toBe(400);

    expect((await owner.delete(`/api/glossaries/${list.id}/terms/${termId}`)).body.terms).toEqual([]);
    expect((await owner.delete(`/api/glossaries/${list.id}`)).status).toBe(204);
    expect((await owner.get(`/api/glossaries/${list.id}`)).status).toBe(404);
  });

  it('attach to a transcript by its owner, with their own list; members read the terms, others do not', async () => {
    const transcript = await transcriptWithEditor();
    const list = await listWithTerm();
    const editorsList = await listWithTerm(editor);

    // Only the transcript's owner attaches, and only a list they own.
    expect((await editor.post(`/api/transcripts/${transcript.id}/glossaries`, { glossaryId: editorsList.id })).status).toBe(403);
    expect((await owner.post(`/api/transcripts/${transcript.id}/glossaries`, { glossaryId: editorsList.id })).status).toBe(404);
    expect((await outsider.post(`/api/transcripts/${transcript.id}/glossaries`, { glossaryId: list.id })).status).toBe(404);
    const attached = await owner.post(`/api/transcripts/${transcript.id}/glossaries`, { glossaryId: list.id });
    expect(attached.status).toBe(200);
    expect(heard).toEqual([{ transcriptId: transcript.id, topics: ['glossary'] }]);

    const read = await editor.get(`/api/transcripts/${transcript.id}/glossaries`);
    expect(read.body.glossaries).toEqual([{ id: list.id, name: 'IGF meetings', owner: expect.objectContaining({ id: ownerId }), isMine: false, terms: [expect.objectContaining({ term: 'consensus', misrecognitions: ['know Cus'] })] }]);
    expect((await outsider.get(`/api/transcripts/${transcript.id}/glossaries`)).status).toBe(404);

    // Seeing an attached list is not owning it: the editor's change is forbidden, not hidden.
    expect((await editor.post(`/api/glossaries/${list.id}/terms`, { term: 'GFCE', misrecognitions: ['GAC'] })).status).toBe(403);
    // The owner's change reaches every transcript the list is attached to.
    const second = await buildTranscript(db.prisma, { ownerId });
    await owner.post(`/api/transcripts/${second.id}/glossaries`, { glossaryId: list.id });
    heard.length = 0;
    await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'GFCE', misrecognitions: ['GAC'] });
    expect(heard.map((event) => event.transcriptId).sort()).toEqual([transcript.id, second.id].sort());
    expect((await owner.get('/api/glossaries')).body.glossaries.find((entry: { id: string }) => entry.id === list.id).attachedTo).toHaveLength(2);

    heard.length = 0;
    expect((await editor.delete(`/api/transcripts/${transcript.id}/glossaries/${list.id}`)).status).toBe(403);
    expect((await owner.delete(`/api/transcripts/${transcript.id}/glossaries/${list.id}`)).body.glossaries).toEqual([]);
    expect(heard).toEqual([{ transcriptId: transcript.id, topics: ['glossary'] }]);
    expect((await owner.delete(`/api/transcripts/${transcript.id}/glossaries/${list.id}`)).status).toBe(404);
  });
});

describe('term lists as CSV', () => {
  it('export as a text/csv attachment with formula cells neutralised, and import back to the same list', async () => {
    const list = await listWithTerm();
    await owner.post(`/api/glossaries/${list.id}/terms`, { term: 'GFCE', misrecognitions: ['GAC', 'G.A.C.'], note: '=HYPERLINK("http://evil", "click"), with a comma' });
    const exported = await owner.get(`/api/glossaries/${list.id}/export.csv`).buffer(true);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="IGF meetings.csv"');
    const text = exported.text;
    expect(text).toBe('\uFEFFterm,misrecognitions,note\r\nconsensus,know Cus,IGF\r\nGFCE,GAC|G.A.C.,"\'=HYPERLINK(""http://evil"", ""click""), with a comma"\r\n');
    expect((await outsider.get(`/api/glossaries/${list.id}/export.csv`)).status).toBe(404);

    const copy = (await owner.post('/api/glossaries', { name: 'Copy' })).body;
    const imported = await owner.upload(`/api/glossaries/${copy.id}/import`, text);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ added: 2, updated: 0 });
    const strip = (terms: { term: string; misrecognitions: string[]; note: string }[]) => terms.map(({ term, misrecognitions, note }) => ({ term, misrecognitions, note }));
    expect(strip(imported.body.glossary.terms)).toEqual(strip((await owner.get(`/api/glossaries/${list.id}`)).body.terms));
    expect((await owner.get(`/api/glossaries/${copy.id}/export.csv`).buffer(true)).text).toBe(text);

    // Merge updates the same spelling and adds the rest; replace keeps only the file's terms.
    const merged = await owner.upload(`/api/glossaries/${copy.id}/import?mode=merge`, 'term,misrecognitions\nGFCE,GAC\nIGF,I G F\n');
    expect(merged.body).toMatchObject({ added: 1, updated: 1 });
    expect(merged.body.glossary.terms.map((term: { term: string }) => term.term)).toEqual(['consensus', 'GFCE', 'IGF']);
    const replaced = await owner.upload(`/api/glossaries/${copy.id}/import?mode=replace`, 'term,misrecognitions\nIGF,I G F\n');
    expect(replaced.body.glossary.terms.map((term: { term: string }) => term.term)).toEqual(['IGF']);
  });

  it('refuse malformed, non-UTF-8 and oversized files whole, with a clear message', async () => {
    const list = await listWithTerm();
    const malformed = await owner.upload(`/api/glossaries/${list.id}/import`, 'term,misrecognitions\n"never closed,x\n');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error).toEqual({ code: 'malformed_file', message: 'Line 2: a quoted field is never closed.' });
    const latin1 = await owner.upload(`/api/glossaries/${list.id}/import`, Uint8Array.from([...Buffer.from('term,misrecognitions\nZ'), 0xfc, 0x72, 0x69, 0x63, 0x68, 0x2c, 0x5a, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(latin1.body.error.message).toContain('not UTF-8');
    const huge = await owner.upload(`/api/glossaries/${list.id}/import`, `term,misrecognitions\n${'x,y\n'.repeat(glossaryLimits.csvBytes / 4 + 10)}`);
    expect(huge.status).toBe(413);
    const asJson = await owner.post(`/api/glossaries/${list.id}/import`, { term: 'x' });
    expect(asJson.status).toBe(415);
    // Nothing of a refused file was kept.
    expect((await owner.get(`/api/glossaries/${list.id}`)).body.terms.map((term: { term: string }) => term.term)).toEqual(['consensus']);
  });
});
