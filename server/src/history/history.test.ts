import { describe, expect, it } from 'vitest';
import { hashTranscript, historyRoutes as paths, turnPlainText, type BlameResponse, type CompareResponse, type VersionSummary } from '@verity/common';
import { importTranscript } from '../imports/import-transcript.ts';
import { buildUser, TestClient } from '../testing/factories.ts';
import { settleAll, until, type LiveClient } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';
import { AutoVersions } from './auto-versions.ts';

const cart = [
  '>> PANELIST: Good morning everyone. The GAC met in Geneva.',
  '>> MODERATOR: Thank you. We will now hear from the floor.',
  '>> PANELIST: The next item is the budget. It was approved yesterday.',
].join('\n\n');

const live = useLiveTestServer();

async function setUp() {
  const [alice, bob, kaja, viewer, stranger] = await Promise.all(
    ['Alice', 'Bob', 'Kaja', 'Vera', 'Sam'].map((displayName) => buildUser(live.db.prisma, { displayName })),
  );
  const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cart), fileName: 'plenary.txt', format: 'cart', ownerId: alice!.id });
  await live.db.prisma.membership.createMany({
    data: [
      { transcriptId: transcript.id, userId: bob!.id, role: 'editor' },
      { transcriptId: transcript.id, userId: kaja!.id, role: 'reviewer' },
      { transcriptId: transcript.id, userId: viewer!.id, role: 'viewer' },
    ],
  });
  const http = async (user: { email: string }) => new TestClient(live.server.app).signIn(user.email);
  return { id: transcript.id, alice: alice!, bob: bob!, kaja: kaja!, viewer: viewer!, stranger: stranger!, http };
}

const texts = (client: LiveClient) => client.transcript.turns.map((turn) => turnPlainText(turn));

describe('history over the real socket path', () => {
  it('records versions whose stats, contributors and blame are exactly right, word by word', async () => {
    const { id, alice, bob, kaja, http } = await setUp();
    const [a, b, k] = [await live.server.join(alice.id, id), await live.server.join(bob.id, id), await live.server.join(kaja.id, id)];

    a.replace(0, 'GAC', 'GFCE');
    b.replace(1, 'floor', 'audience');
    k.setSpeaker(2, 's2');
    await settleAll(a, b, k);
    const asAlice = await http(alice);
    const first = await asAlice.post(paths.versions(id), { name: 'First pass', note: 'acronyms' });
    expect(first.status).toBe(201);
    const v1: VersionSummary = first.body.version;
    expect(v1).toMatchObject({ number: 1, kind: 'named', name: 'First pass', note: 'acronyms', createdBy: { id: alice.id } });
    expect(v1.contributors.map((person) => person.displayName).sort()).toEqual(['Alice', 'Bob', 'Kaja']);
    expect(v1.stats).toEqual({
      wordsInserted: 0, wordsDeleted: 0, wordsReplaced: 2, turnsAdded: 0, turnsRemoved: 0, turnsSplit: 0, turnsMerged: 0,
      speakerReassignments: 1, speakersRenamed: 0, uncertainResolved: 0, uncertainAdded: 0, eventsAdded: 0, eventsRemoved: 0,
    });

    b.split(2, 'It was');
    await settleAll(a, b, k);
    k.mergeWithNext(0);
    await settleAll(a, b, k);
    b.replace(1, 'next', 'first');
    await settleAll(a, b, k);
    expect(texts(a)).toEqual([
      'Good morning everyone. The GFCE met in Geneva. Thank you. We will now hear from the audience.',
      'The first item is the budget. ',
      'It was approved yesterday.',
    ]);
    const second = await (await http(bob)).post(paths.versions(id), { name: 'Structure' });
    const v2: VersionSummary = second.body.version;
    expect(v2.contributors.map((person) => person.displayName)).toEqual(['Bob', 'Kaja']);
    expect(v2.stats).toMatchObject({ turnsSplit: 1, turnsMerged: 1, turnsAdded: 0, turnsRemoved: 0, wordsInserted: 0, wordsDeleted: 0, wordsReplaced: 1 });

    // Compare the raw import with now: the split and the merge read as such, speakers explicit.
    const compared: CompareResponse = (await asAlice.get(paths.compare(id, 0, 'current'))).body;
    expect(compared.changes.map((change) => [change.kind, change.turnId])).toEqual([
      ['changed', 't1'],
      ['merged', 't2'],
      ['changed', 't3'],
      ['split', expect.any(String)],
    ]);
    expect(compared.changes[0]!.parts).toEqual([
      { type: 'equal', text: 'Good morning everyone. The' },
      { type: 'delete', text: 'GAC' },
      { type: 'insert', text: 'GFCE' },
      { type: 'equal', text: 'met in Geneva. Thank you. We will now hear from the' },
      { type: 'delete', text: 'floor.' },
      { type: 'insert', text: 'audience.' },
    ]);
    expect(compared.changes[2]).toMatchObject({ isSpeakerChanged: true, fromSpeaker: { name: 'PANELIST' }, toSpeaker: { name: 'MODERATOR' } });
    const names = new Map(compared.people.map((person) => [person.id, person.displayName]));
    expect(compared.authorsByTurn.t1!.map((userId) => names.get(userId)).sort()).toEqual(['Alice', 'Kaja']);
    expect(compared.authorsByTurn.t2!.map((userId) => names.get(userId)).sort()).toEqual(['Bob', 'Kaja']);
    expect(compared.authorsByTurn.t3!.map((userId) => names.get(userId)).sort()).toEqual(['Bob', 'Kaja']);

    // Blame: every word's author, the import's words unattributed.
    const blame: BlameResponse = (await asAlice.get(paths.blame(id))).body;
    const authorOf = (turn: number, word: string) => {
      const span = blame.turns[turn]!.spans.find((candidate) => candidate.text.split(/\s+/).includes(word));
      return span?.authorId ? blame.people.find((person) => person.id === span.authorId)?.displayName : null;
    };
    expect(authorOf(0, 'GFCE')).toBe('Alice');
    expect(authorOf(0, 'Geneva.')).toBe(null);
    // Merging moves the second turn's text: its words are re-inserted by whoever merged.
    expect(authorOf(0, 'audience.')).toBe('Kaja');
    expect(authorOf(1, 'first')).toBe('Bob');
    expect(authorOf(1, 'budget.')).toBe(null);
    expect(authorOf(2, 'approved')).toBe('Bob');
    expect(blame.turns.map((turn) => turn.lastChangedBy?.displayName)).toEqual(['Kaja', 'Bob', 'Bob']);

    // Activity: plain language, newest first, attributed.
    const activity = (await asAlice.get(paths.activity(id))).body.entries as { summary: string }[];
    const summaries = activity.map((entry) => entry.summary).reverse();
    // One person's consecutive edits form one entry; the first three were concurrent, so batches vary.
    const said = (name: string, phrase: string) => summaries.some((summary) => summary.startsWith(`${name} `) && summary.includes(phrase));
    expect(said('Alice', 'replaced ‘GAC’ with ‘GFCE’ in turn 1')).toBe(true);
    expect(said('Bob', 'replaced ‘floor.’ with ‘audience.’ in turn 2')).toBe(true);
    expect(said('Kaja', 'reassigned turn 3 from PANELIST to MODERATOR')).toBe(true);
    expect(said('Bob', 'split turn 4 off the turn before it')).toBe(true);
    expect(said('Kaja', 'merged turn 2 into the turn before it')).toBe(true);
    expect(summaries.at(-1)).toBe('Bob replaced ‘next’ with ‘first’ in turn 2');
  });

  it('attributes overlapping edits of two users in one turn word by word', async () => {
    const { id, alice, bob, http } = await setUp();
    const [a, b] = [await live.server.join(alice.id, id), await live.server.join(bob.id, id)];
    a.replace(2, 'budget', 'annual budget');
    b.replace(2, 'yesterday', 'on Monday');
    await settleAll(a, b);
    a.replace(2, 'approved', 'adopted');
    b.replace(2, 'next', 'second');
    await settleAll(a, b);
    expect(texts(a)[2]).toBe('The second item is the annual budget. It was adopted on Monday.');
    const blame: BlameResponse = (await (await http(alice)).get(paths.blame(id))).body;
    const people = new Map(blame.people.map((person) => [person.id, person.displayName]));
    const words = blame.turns[2]!.spans.flatMap((span) => span.text.trim().split(/\s+/).map((word) => [word, span.authorId ? people.get(span.authorId) : null]));
    expect(words).toEqual([
      ['The', null], ['second', 'Bob'], ['item', null], ['is', null], ['the', null], ['annual', 'Alice'], ['budget', 'Alice'],
      ['budget.', 'Alice'], ['It', null], ['was', null], ['adopted', 'Alice'], ['on', 'Bob'], ['Monday.', 'Bob'],
    ].filter(([word]) => word !== 'budget'));
    expect(blame.turns[2]!.lastChangedBy?.displayName).toMatch(/Alice|Bob/);
  });

  it('restores one turn and a whole version as new attributed changes that editors see live', async () => {
    const { id, alice, bob, kaja, http } = await setUp();
    const [a, b] = [await live.server.join(alice.id, id), await live.server.join(bob.id, id)];
    a.replace(0, 'GAC', 'GFCE');
    b.replace(1, 'Thank you.', 'Thanks.');
    await settleAll(a, b);
    const asKaja = await http(kaja);
    expect((await asKaja.post(paths.versions(id), { name: 'Corrected' })).status).toBe(201);
    b.replace(0, 'Geneva', 'Paris');
    b.split(2, 'It was');
    await settleAll(a, b);
    const seqBefore = await live.db.prisma.documentUpdate.count({ where: { transcriptId: id } });

    const turn = await asKaja.post(paths.restoreTurn(id, 0, 't1'));
    expect(turn.status).toBe(200);
    expect(turn.body.version).toMatchObject({ number: 2, kind: 'restore', createdBy: { id: kaja.id } });
    await until(() => texts(a)[0] === 'Good morning everyone. The GAC met in Geneva.', 'the restored turn to reach Alice');
    expect(texts(b)[1]).toBe('Thanks. We will now hear from the floor.');
    const restoreRow = await live.db.prisma.documentUpdate.findFirst({ where: { transcriptId: id, seq: turn.body.seq } });
    expect(restoreRow?.userId).toBe(kaja.id);
    expect(await live.db.prisma.documentUpdate.count({ where: { transcriptId: id, seq: { lte: seqBefore } } })).toBe(seqBefore);

    const whole = await asKaja.post(paths.restoreVersion(id, 1));
    expect(whole.body.version).toMatchObject({ number: 3, kind: 'restore' });
    await settleAll(a, b);
    const v1 = await live.db.prisma.transcriptVersion.findUniqueOrThrow({ where: { transcriptId_number: { transcriptId: id, number: 1 } } });
    expect(await hashTranscript(a.transcript)).toBe(v1.contentSha256);
    expect(whole.body.version.contentSha256).toBe(v1.contentSha256);
    expect(texts(a)).toHaveLength(3);
  });

  it('lets members read, editors write, hides everything from non-members, and never edits or deletes a version', async () => {
    const { id, alice, viewer, stranger, http } = await setUp();
    const asViewer = await http(viewer);
    expect((await asViewer.get(paths.versions(id))).body.versions.map((version: VersionSummary) => version.number)).toEqual([0]);
    expect((await asViewer.get(paths.compare(id, 0, 'current'))).status).toBe(200);
    expect((await asViewer.post(paths.versions(id), { name: 'Mine' })).status).toBe(403);
    expect((await asViewer.post(paths.restoreVersion(id, 0))).status).toBe(403);
    const asStranger = await http(stranger);
    for (const path of [paths.versions(id), paths.compare(id, 0, 'current'), paths.activity(id), paths.blame(id)]) {
      expect((await asStranger.get(path)).status).toBe(404);
    }
    const asOwner = await http(alice);
    await asOwner.post(paths.versions(id), { name: 'Named' });
    const before = await live.db.prisma.transcriptVersion.findMany({ where: { transcriptId: id }, orderBy: { number: 'asc' } });
    for (const number of [0, 1]) {
      expect((await asOwner.patch(paths.version(id, number), { name: 'changed' })).status).toBe(404);
      expect((await asOwner.delete(paths.version(id, number))).status).toBe(404);
    }
    expect((await asOwner.delete(paths.versions(id))).status).toBe(404);
    await expect(live.db.prisma.transcriptVersion.updateMany({ where: { transcriptId: id }, data: { name: 'forged' } })).rejects.toThrow();
    await expect(live.db.prisma.transcriptVersion.deleteMany({ where: { transcriptId: id } })).rejects.toThrow();
    expect(await live.db.prisma.transcriptVersion.findMany({ where: { transcriptId: id }, orderBy: { number: 'asc' } })).toEqual(before);
  });

  it('takes automatic versions after a quiet spell and when the last person leaves, skipping unchanged content', async () => {
    const { id, alice } = await setUp();
    const snapshots: string[] = [];
    const auto = new AutoVersions({ liveSessions: live.server.liveSessions, idleMs: 150, snapshot: async (transcriptId, actorId) => snapshots.push(`${transcriptId}:${actorId}`) });
    const a = await live.server.join(alice.id, id);
    a.replace(0, 'GAC', 'GFCE');
    await a.settle();
    await until(() => snapshots.length === 1, 'the idle snapshot');
    expect(snapshots).toEqual([`${id}:${alice.id}`]);
    a.replace(0, 'GFCE', 'G-FCE');
    await a.settle();
    a.socket.disconnect();
    await until(() => snapshots.length === 2, 'the snapshot on leaving');
    await auto.stop();
  });
});
