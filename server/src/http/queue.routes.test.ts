import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { domainEvents } from '../events/domain-events.ts';
import { createLogger } from '../logger.ts';
import { buildTranscript, buildUser, TestClient } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

type Actor = 'owner' | 'reviewer' | 'editor' | 'viewer' | 'outsider' | 'anonymous';
type Person = Exclude<Actor, 'anonymous'>;
const people = ['owner', 'reviewer', 'editor', 'viewer', 'outsider'] as const;

let db: TestDatabase;
let app: Express;
let clients: Record<Actor, TestClient>;
let ids: Record<Person, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  app = createApp({ prisma: db.prisma, config: loadConfig({ NODE_ENV: 'test' }), logger: createLogger({ level: 'silent' }) });
  const users = await Promise.all(people.map((name) => buildUser(db.prisma, { displayName: `${name[0]!.toUpperCase()}${name.slice(1)}` })));
  ids = Object.fromEntries(people.map((name, index) => [name, users[index]!.id])) as Record<Person, string>;
  clients = { anonymous: new TestClient(app) } as Record<Actor, TestClient>;
  for (const [index, name] of people.entries()) clients[name] = await new TestClient(app).signIn(users[index]!.email);
});
afterAll(async () => {
  await db.drop();
});

async function transcript() {
  const created = await buildTranscript(db.prisma, {
    ownerId: ids.owner,
    members: [
      { userId: ids.reviewer, role: 'reviewer' },
      { userId: ids.editor, role: 'editor' },
      { userId: ids.viewer, role: 'viewer' },
    ],
  });
  return { id: created.id, base: `/api/transcripts/${created.id}/queue` };
}

const speakerApplied = { itemKey: 'unattributed:t3', kind: 'unattributed', action: 'speakerApplied', label: 'Turn 3 → Catherine (hand-off)' };
const notSamePerson = { itemKey: 'duplicateSpeaker:s1:s2', kind: 'duplicateSpeaker', action: 'notSamePerson', label: '“MANON VAN TIENHOVEN” and “MANON VAN TIEHOVEN”' };

describe('review queue resolutions', () => {
  it('only roles that correct record a resolution; members read; outsiders see nothing', async () => {
    const expected: Record<Actor, [post: number, get: number]> = { owner: [201, 200], reviewer: [201, 200], editor: [201, 200], viewer: [403, 200], outsider: [404, 404], anonymous: [401, 401] };
    const { id, base } = await transcript();
    for (const [actor, [post, get]] of Object.entries(expected) as [Actor, [number, number]][]) {
      expect((await clients[actor].post(`${base}/resolutions`, speakerApplied)).status, `${actor} POST`).toBe(post);
      expect((await clients[actor].get(base)).status, `${actor} GET`).toBe(get);
    }
    expect(await db.prisma.queueResolution.count({ where: { transcriptId: id } })).toBe(3);
    expect((await clients.owner.post('/api/transcripts/not-a-uuid/queue/resolutions', speakerApplied)).status).toBe(404);
  });

  it('records who, when and how, newest first, and announces the queue topic after commit', async () => {
    const { id, base } = await transcript();
    const heard: string[][] = [];
    const listener = (event: { transcriptId: string; topics: string[] }) => {
      if (event.transcriptId === id) heard.push(event.topics);
    };
    const unsubscribe = domainEvents.on('transcriptChanged', listener);
    try {
      const first = await clients.editor.post(`${base}/resolutions`, speakerApplied);
      expect(first.status).toBe(201);
      expect(first.body.resolution).toMatchObject({ ...speakerApplied, isDismissal: false, by: { id: ids.editor, displayName: 'Editor' } });
      expect(Date.now() - Date.parse(first.body.resolution.at)).toBeLessThan(60_000);
      await clients.reviewer.post(`${base}/resolutions`, { itemKey: 'uncertain:t1:0', kind: 'uncertain', action: 'confirmed', label: '“GAC (?)” in turn 1' });
      expect(heard).toEqual([['queue'], ['queue']]);
    } finally {
      unsubscribe();
    }
    const state = await clients.viewer.get(base);
    expect(state.body.resolutions.map((entry: { action: string; by: { displayName: string } }) => `${entry.by.displayName} ${entry.action}`)).toEqual(['Reviewer confirmed', 'Editor speakerApplied']);
    expect(state.body.dismissedKeys).toEqual([]);
  });

  it('a dismissal hides its item for everyone, once: dismissing it again keeps the first record', async () => {
    const { base } = await transcript();
    const first = await clients.editor.post(`${base}/resolutions`, notSamePerson);
    const again = await clients.owner.post(`${base}/resolutions`, notSamePerson);
    expect(again.status).toBe(201);
    expect(again.body.resolution.id).toBe(first.body.resolution.id);
    expect(again.body.resolution.by.displayName).toBe('Editor');
    await clients.owner.post(`${base}/resolutions`, { itemKey: 'glossary:glossary%00t1%00gac%000', kind: 'glossary', action: 'ignored', label: 'GAC → GFCE' });
    const state = await clients.viewer.get(base);
    expect([...state.body.dismissedKeys].sort()).toEqual(['duplicateSpeaker:s1:s2', 'glossary:glossary%00t1%00gac%000']);
    expect(state.body.resolutions).toHaveLength(2);
  });

  it('a restore shows a dismissed item again; it can be dismissed anew; restoring what is not dismissed is a conflict', async () => {
    const { base } = await transcript();
    const restore = { ...notSamePerson, action: 'restored' };
    expect((await clients.editor.post(`${base}/resolutions`, restore)).status).toBe(409);
    await clients.editor.post(`${base}/resolutions`, notSamePerson);
    expect((await clients.viewer.post(`${base}/resolutions`, restore)).status).toBe(403);
    expect((await clients.reviewer.post(`${base}/resolutions`, restore)).status).toBe(201);
    expect((await clients.viewer.get(base)).body.dismissedKeys).toEqual([]);
    expect((await clients.reviewer.post(`${base}/resolutions`, restore)).status).toBe(409);
    const again = await clients.owner.post(`${base}/resolutions`, notSamePerson);
    expect(again.body.resolution.by.displayName).toBe('Owner');
    const state = await clients.viewer.get(base);
    expect(state.body.dismissedKeys).toEqual(['duplicateSpeaker:s1:s2']);
    expect(state.body.resolutions.map((entry: { action: string }) => entry.action)).toEqual(['notSamePerson', 'restored', 'notSamePerson']);
  });

  it('refuses forged bodies before storing anything', async () => {
    const { id, base } = await transcript();
    const forged = [
      { ...speakerApplied, itemKey: "unattributed:t1'; DROP TABLE users; --" },
      { ...speakerApplied, itemKey: `unattributed:${'a'.repeat(400)}` },
      { ...speakerApplied, itemKey: 'unattributed:t1\u0000' },
      { ...speakerApplied, kind: 'duplicateSpeaker' },
      { ...speakerApplied, action: 'notSamePerson' },
      { ...speakerApplied, action: 'restored' },
      { ...speakerApplied, action: 'deleteEverything' },
      { ...speakerApplied, label: 'x'.repeat(201) },
      { ...speakerApplied, label: '   ' },
      { ...speakerApplied, label: ['x'] },
      {},
    ];
    for (const body of forged) {
      const response = await clients.owner.post(`${base}/resolutions`, body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
    }
    expect(await db.prisma.queueResolution.count({ where: { transcriptId: id } })).toBe(0);
  });

  it('a member whose role is lowered or removed is refused at once', async () => {
    const { id, base } = await transcript();
    await db.prisma.membership.update({ where: { transcriptId_userId: { transcriptId: id, userId: ids.editor } }, data: { role: 'viewer' } });
    expect((await clients.editor.post(`${base}/resolutions`, speakerApplied)).status).toBe(403);
    await db.prisma.membership.delete({ where: { transcriptId_userId: { transcriptId: id, userId: ids.editor } } });
    expect((await clients.editor.get(base)).status).toBe(404);
  });
});
