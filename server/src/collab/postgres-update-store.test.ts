import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTranscriptDoc, transcriptSchema } from '@verity/common';
import { buildTranscript, buildUser } from '../testing/factories.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { buildSeedState } from './build-seed-state.ts';
import { LiveSession } from './live-session.ts';
import { PostgresUpdateStore } from './postgres-update-store.ts';
import { systemUserId } from './system-user.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function setUp() {
  const user = await buildUser(db.prisma);
  const transcript = await buildTranscript(db.prisma, { ownerId: user.id });
  const store = new PostgresUpdateStore(db.prisma, { seed: (id) => buildSeedState(db.prisma, id) });
  return { user, transcript, store };
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1; // fixed, so equal text gives equal bytes
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('PostgresUpdateStore', () => {
  it('appends with per-transcript seqs, stamps the user (system as null) and reads rows back in order', async () => {
    const { user, transcript, store } = await setUp();
    const other = await setUp();
    expect(await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('a') })).toEqual({ seq: 1 });
    expect(await store.append({ transcriptId: other.transcript.id, userId: other.user.id, update: textUpdate('x') })).toEqual({ seq: 1 });
    expect(await store.append({ transcriptId: transcript.id, userId: systemUserId, update: textUpdate('b') })).toEqual({ seq: 2 });
    const rows = await db.prisma.documentUpdate.findMany({ where: { transcriptId: transcript.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => [row.seq, row.userId])).toEqual([[1, user.id], [2, null]]);
    const after = await store.loadUpdatesAfter(transcript.id, 1);
    expect(after).toEqual([{ seq: 2, update: textUpdate('b') }]);
  });

  it('records client-id claims with their row, atomically: a claim someone already holds fails the whole append', async () => {
    const { user, transcript, store } = await setUp();
    const other = await buildUser(db.prisma);
    await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('a'), claims: [1, 4_294_967_295] });
    await store.append({ transcriptId: transcript.id, userId: systemUserId, update: textUpdate('b'), claims: [7] });
    await expect(store.append({ transcriptId: transcript.id, userId: other.id, update: textUpdate('c'), claims: [8, 1] })).rejects.toThrow();
    expect(await store.loadClientOwners(transcript.id)).toEqual(new Map([[1, user.id], [4_294_967_295, user.id], [7, systemUserId]]));
    expect(await db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id } })).toBe(2);
    // Owners never change.
    await expect(db.prisma.yjsClientOwner.updateMany({ where: { transcriptId: transcript.id }, data: { userId: other.id } })).rejects.toThrow();
    expect((await store.loadClientOwners(transcript.id)).get(1)).toBe(user.id);
  });

  it('appends a group in one statement: consecutive seqs in order, each row its author and claims, all or none', async () => {
    const { user, transcript, store } = await setUp();
    const other = await buildUser(db.prisma);
    await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('a') });
    const group = [
      { transcriptId: transcript.id, userId: other.id, update: textUpdate('b'), claims: [21] },
      { transcriptId: transcript.id, userId: systemUserId, update: textUpdate('c') },
      { transcriptId: transcript.id, userId: user.id, update: textUpdate('d'), claims: [22, 23] },
    ];
    expect(await store.appendMany(group)).toEqual([{ seq: 2 }, { seq: 3 }, { seq: 4 }]);
    const rows = await db.prisma.documentUpdate.findMany({ where: { transcriptId: transcript.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => [row.seq, row.userId, new Uint8Array(row.update)])).toEqual([
      [1, user.id, textUpdate('a')],
      [2, other.id, textUpdate('b')],
      [3, null, textUpdate('c')],
      [4, user.id, textUpdate('d')],
    ]);
    expect(await store.loadClientOwners(transcript.id)).toEqual(new Map([[21, other.id], [22, user.id], [23, user.id]]));
    // One claim already held: nothing of the group is stored, and the seq counter does not move.
    await expect(store.appendMany([{ ...group[1]! }, { transcriptId: transcript.id, userId: user.id, update: textUpdate('e'), claims: [21] }])).rejects.toThrow();
    expect(await db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id } })).toBe(4);
    expect(await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('f') })).toEqual({ seq: 5 });
    await expect(store.appendMany([{ transcriptId: crypto.randomUUID(), userId: user.id, update: textUpdate('g') }])).rejects.toThrow();
  });

  it('gives concurrent appends distinct, gap-free seqs, each committed before it resolves', async () => {
    const { user, transcript, store } = await setUp();
    const seqs = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const { seq } = await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate(`u${index}`) });
        // Visible to any other connection the moment append resolved.
        expect(await db.prisma.documentUpdate.count({ where: { transcriptId: transcript.id, seq } })).toBe(1);
        return seq;
      }),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('bumps the transcript’s updated_at on append', async () => {
    const { user, transcript, store } = await setUp();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('a') });
    const after = await db.prisma.transcript.findUniqueOrThrow({ where: { id: transcript.id } });
    expect(after.updatedAt.getTime()).toBeGreaterThan(transcript.updatedAt.getTime());
  });

  it('refuses to change a logged update (append-only trigger)', async () => {
    const { user, transcript, store } = await setUp();
    await store.append({ transcriptId: transcript.id, userId: user.id, update: textUpdate('a') });
    await expect(db.prisma.$executeRaw`UPDATE "document_updates" SET "seq" = 7`).rejects.toThrow(/append-only/);
  });

  it('keeps the checkpoint with the highest uptoSeq, even when an older save lands last', async () => {
    const { transcript } = await setUp();
    const store = new PostgresUpdateStore(db.prisma);
    expect(await store.loadLatest(transcript.id)).toBeNull();
    await store.saveCheckpoint(transcript.id, textUpdate('new'), 5);
    await store.saveCheckpoint(transcript.id, textUpdate('old'), 3);
    await store.saveCheckpoint(transcript.id, textUpdate('again'), 5);
    expect(await store.loadLatest(transcript.id)).toEqual({ state: textUpdate('new'), uptoSeq: 5 });
  });

  it('seeds a never-edited transcript once: its latest version, else one empty unattributed turn', async () => {
    const { user, transcript, store } = await setUp();
    const empty = await LiveSession.load({ transcriptId: transcript.id, store });
    const emptyContent = readTranscriptDoc(empty.doc);
    expect(emptyContent.metadata.title).toBe('Test transcript');
    expect(emptyContent.turns).toEqual([{ id: expect.any(String), speakerId: null, start: null, end: null, content: [] }]);
    await empty.close('server_shutdown');
    // Loading again reuses the stored seed rather than building a second, conflicting one.
    const again = await LiveSession.load({ transcriptId: transcript.id, store });
    expect(readTranscriptDoc(again.doc)).toEqual(emptyContent);
    await again.close('server_shutdown');
    expect(await db.prisma.documentCheckpoint.count({ where: { transcriptId: transcript.id } })).toBe(1);

    const imported = await buildTranscript(db.prisma, { ownerId: user.id });
    const content = transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: { title: 'Imported' },
      speakers: [{ id: 's1', label: 'ALICE', displayName: 'Alice' }],
      turns: [{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'Hello.' }] }],
    });
    await db.prisma.transcriptVersion.create({
      data: { transcriptId: imported.id, number: 0, kind: 'import', content, contentSha256: 'x', createdById: user.id },
    });
    const session = await LiveSession.load({ transcriptId: imported.id, store });
    expect(readTranscriptDoc(session.doc)).toEqual(content);
    expect(session.lastSeq).toBe(0);
    await session.close('server_shutdown');
  });
});
