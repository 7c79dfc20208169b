import { yTextToSlateElement } from '@slate-yjs/core';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, encodeAwarenessFrame, encodeUpdateFrame, metadataKey, readTranscriptDoc, speakersKey, type DocAck } from '@verity/common';
import { computeBlame } from '../history/compute-blame.ts';
import { buildSeedState } from './build-seed-state.ts';
import { createUpdateStore } from './create-live-sessions.ts';
import { buildTranscript, buildUser, TestClient, testPassword } from '../testing/factories.ts';
import { until, type LiveClient } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';

// Attacks on the live core by an ordinary editor with a custom socket client (issue 9), through the
// real socket path: what is acknowledged, what is stored, what the other editors see.

const live = useLiveTestServer();

async function setUp() {
  const [alice, bob, carol] = await Promise.all([buildUser(live.db.prisma), buildUser(live.db.prisma), buildUser(live.db.prisma)]);
  const transcript = await buildTranscript(live.db.prisma, {
    ownerId: alice.id,
    members: [
      { userId: bob.id, role: 'editor' },
      { userId: carol.id, role: 'editor' },
    ],
  });
  return { alice, bob, carol, transcript };
}

const rowCount = (transcriptId: string) => live.db.prisma.documentUpdate.count({ where: { transcriptId } });
const firstBlock = (doc: Y.Doc) => (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[0]!.insert;

/** An update made under someone else's Yjs client id, from a copy of the attacker's document. */
function forgeAs(source: Y.Doc, clientId: number, change: (doc: Y.Doc) => void): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(source));
  forged.clientID = clientId;
  const before = Y.encodeStateVector(forged);
  change(forged);
  return Y.encodeStateAsUpdate(forged, before);
}

/** Authors of the stored document's words, by user id (null: the import or the server). */
async function blameOf(transcriptId: string): Promise<{ text: string; authorId: string | null }[]> {
  const blame = await computeBlame(live.db.prisma, { transcriptId });
  return blame.turns.flatMap((turn) => turn.spans);
}

async function expectClosedMalformed(client: LiveClient): Promise<void> {
  await until(() => client.closed.length > 0 && client.socket.disconnected, 'the close');
  expect(client.closed[0]!.reason).toBe('malformed_message');
}

describe('Yjs client ids belong to one user', () => {
  it('refuses an update under the victim’s client id after the victim’s edit; the victim’s next edit is stored', async () => {
    const { alice, bob, carol, transcript } = await setUp();
    const victim = await live.server.join(alice.id, transcript.id);
    const forger = await live.server.join(bob.id, transcript.id);
    const observer = await live.server.join(carol.id, transcript.id);
    victim.type('Alice wrote this. ');
    await victim.settle();
    await until(() => forger.firstTurnText().includes('Alice wrote'), 'the forger to see it');
    const stored = await rowCount(transcript.id);

    const forged = forgeAs(forger.doc, victim.doc.clientID, (doc) => firstBlock(doc).insert(0, 'FORGED '));
    expect(await forger.send(encodeUpdateFrame(forged))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectClosedMalformed(forger);
    expect(await rowCount(transcript.id)).toBe(stored);

    // The victim's real edit at that very clock is new to the server: stored and acknowledged with a seq.
    victim.type('More. ');
    const ack = (await victim.pending.at(-1)) as DocAck;
    expect(ack).toEqual({ ok: true, seq: expect.any(Number) });
    await victim.settle();
    await until(() => observer.firstTurnText() === 'More. Alice wrote this. ', 'the observer to see the real edit');
    const spans = await blameOf(transcript.id);
    expect(spans.map((span) => span.text).join('')).toBe('More. Alice wrote this. ');
    expect(new Set(spans.map((span) => span.authorId))).toEqual(new Set([alice.id]));
  });

  it('refuses a repeat of clocks the server has from another user instead of acknowledging a duplicate', async () => {
    const { alice, bob, transcript } = await setUp();
    const victim = await live.server.join(alice.id, transcript.id);
    const forger = await live.server.join(bob.id, transcript.id);
    const before = Y.encodeStateVector(victim.doc);
    victim.type('mine');
    await victim.settle();
    const stored = await rowCount(transcript.id);
    const repeat = Y.encodeStateAsUpdate(victim.doc, before);
    expect(await forger.send(encodeUpdateFrame(repeat))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rowCount(transcript.id)).toBe(stored);
  });

  it('refuses an update under the client id of someone’s cursor before their first edit', async () => {
    const { alice, bob, carol, transcript } = await setUp();
    const victim = await live.server.join(alice.id, transcript.id);
    const forger = await live.server.join(bob.id, transcript.id);
    const observer = await live.server.join(carol.id, transcript.id);
    const presence = new awarenessProtocol.Awareness(victim.doc);
    presence.setLocalState({ cursor: null });
    expect(await victim.send(encodeAwarenessFrame(awarenessProtocol.encodeAwarenessUpdate(presence, [victim.doc.clientID])))).toEqual({ ok: true });
    presence.destroy();

    const forged = forgeAs(forger.doc, victim.doc.clientID, (doc) => firstBlock(doc).insert(0, 'Bob as Alice. '));
    expect(await forger.send(encodeUpdateFrame(forged))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectClosedMalformed(forger);
    victim.type('Alice herself. ');
    expect(await victim.pending.at(-1)).toEqual({ ok: true, seq: expect.any(Number) });
    await until(() => observer.firstTurnText() === 'Alice herself. ', 'the observer');
    expect(await blameOf(transcript.id)).toEqual([{ text: 'Alice herself. ', authorId: alice.id }]);
  });

  it('refuses the victim’s unsent edit when a forger used its client id first, and credits the forger', async () => {
    const { alice, bob, carol, transcript } = await setUp();
    const victim = await live.server.join(alice.id, transcript.id);
    const forger = await live.server.join(bob.id, transcript.id);
    const observer = await live.server.join(carol.id, transcript.id);
    // Alice types while her socket is busy (not yet sent); Bob, who saw her client id, writes under it first.
    const before = Y.encodeStateVector(victim.doc);
    victim.doc.transact(() => firstBlock(victim.doc).insert(0, 'Alice offline. '), 'remote');
    const unsent = Y.encodeStateAsUpdate(victim.doc, before);
    const forged = forgeAs(forger.doc, victim.doc.clientID, (doc) => firstBlock(doc).insert(0, 'Bob as Alice. '));
    expect(await forger.send(encodeUpdateFrame(forged))).toEqual({ ok: true, seq: expect.any(Number) });

    expect(await victim.send(encodeUpdateFrame(unsent))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectClosedMalformed(victim);
    await until(() => observer.firstTurnText() === 'Bob as Alice. ', 'the observer');
    const spans = await blameOf(transcript.id);
    expect(spans).toEqual([{ text: 'Bob as Alice. ', authorId: bob.id }]);
  });

  it('reserves the server’s own client id (its normalization writes under it)', async () => {
    const { alice, transcript } = await setUp();
    const editor = await live.server.join(alice.id, transcript.id);
    const seedClients = new Set(Y.decodeStateVector(Y.encodeStateVector(editor.doc)).keys());
    editor.type('One two');
    editor.split(0, 'two'); // the copy repeats the turn's id: the server renames it, under its own client id
    await editor.settle();
    await until(() => new Set(editor.transcript.turns.map((turn) => turn.id)).size === 2, 'the rename');
    const serverClient = [...Y.decodeStateVector(Y.encodeStateVector(editor.doc)).keys()].find((client) => !seedClients.has(client) && client !== editor.doc.clientID)!;
    expect(serverClient).toBeDefined();
    const stored = await rowCount(transcript.id);
    const forged = forgeAs(editor.doc, serverClient, (doc) => firstBlock(doc).insert(0, 'as the server '));
    expect(await editor.send(encodeUpdateFrame(forged))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rowCount(transcript.id)).toBe(stored);
  });

  it('reserves the import’s client ids', async () => {
    const { alice, transcript } = await setUp();
    const editor = await live.server.join(alice.id, transcript.id);
    const seedClient = [...Y.decodeStateVector(Y.encodeStateVector(editor.doc)).keys()][0]!;
    const forged = forgeAs(editor.doc, seedClient, (doc) => firstBlock(doc).insert(0, 'as the import '));
    expect(await editor.send(encodeUpdateFrame(forged))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rowCount(transcript.id)).toBe(0);
  });
});

/** A delete set naming a client the server has never seen (no structs). */
function deleteForUnknownClient(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 987_654);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 5);
  return encoding.toUint8Array(encoder);
}

/** A struct whose predecessor (clock 0) was never sent: the server would keep it pending forever. */
function orphanFrom(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.clientID = 424_242;
  firstBlock(copy).insert(0, 'a');
  const middle = Y.encodeStateVector(copy);
  firstBlock(copy).insert(1, 'b');
  return Y.encodeStateAsUpdate(copy, middle);
}

function newBlock(attributes: Record<string, unknown>, fill?: (block: Y.XmlText) => void) {
  return (doc: Y.Doc) => {
    const block = new Y.XmlText();
    doc.get(contentKey, Y.XmlText).insertEmbed(0, block);
    for (const [key, value] of Object.entries(attributes)) block.setAttribute(key, value as string);
    fill?.(block);
  };
}

const attacks: [string, (doc: Y.Doc) => void][] = [
  ['a number as metadata.title', (doc) => doc.getMap(metadataKey).set('title', 42)],
  ['an unknown metadata field', (doc) => doc.getMap(metadataKey).set('owner', 'me')],
  ['a negative start', (doc) => firstBlock(doc).setAttribute('start', -5 as never)],
  ['a string as end', (doc) => firstBlock(doc).setAttribute('end', 'soon')],
  ['an infinite end', (doc) => firstBlock(doc).setAttribute('end', Infinity as never)],
  ['an object as an uncertain mark', (doc) => firstBlock(doc).insert(0, 'word', { uncertain: { evil: true } })],
  ['an unknown mark', (doc) => firstBlock(doc).insert(0, 'word', { bold: true })],
  ['a Y.Map embedded where a turn block belongs', (doc) => doc.get(contentKey, Y.XmlText).insertEmbed(0, new Y.Map())],
  ['text directly in the document root', (doc) => doc.get(contentKey, Y.XmlText).insert(0, 'stray')],
  ['a turn without an id', newBlock({ type: 'turn' })],
  ['a block of an unknown kind', newBlock({ type: 'paragraph', id: 'p1' })],
  ['a block id outside the id pattern', (doc) => firstBlock(doc).setAttribute('id', '../../etc/passwd')],
  ['an unknown block attribute', (doc) => firstBlock(doc).setAttribute('onclick', 'alert(1)')],
  ['a turn turned into a note', (doc) => firstBlock(doc).setAttribute('type', 'note')],
  ['an event chip in a note', newBlock({ type: 'note', id: 'n9' }, (note) => {
    const chip = new Y.XmlText();
    note.insertEmbed(0, chip);
    for (const [key, value] of Object.entries({ type: 'event', label: 'Laughter', raw: '[Laughter]' })) chip.setAttribute(key, value);
  })],
  ['an event chip without a label', (doc) => {
    const chip = new Y.XmlText();
    firstBlock(doc).insertEmbed(0, chip);
    chip.setAttribute('type', 'event');
  }],
  ['a Y.XmlElement in a turn', (doc) => firstBlock(doc).insertEmbed(0, new Y.XmlElement('script'))],
  ['an object embed in a turn', (doc) => firstBlock(doc).insertEmbed(0, { image: 'https://evil.example/x.png' })],
  ['a speaker of the wrong shape', (doc) => doc.getMap(speakersKey).set('s9', { id: 's9', label: 5 })],
  ['a speaker filed under another id', (doc) => doc.getMap(speakersKey).set('s9', { id: 's1', label: 'A', displayName: 'A' })],
  ['an unknown root type', (doc) => doc.getArray('evil').push([1])],
  ['removing a turn’s type', (doc) => firstBlock(doc).removeAttribute('type')],
];

describe('the document stays inside the transcript layout', () => {
  it.each(attacks)('refuses %s: not stored, not seen by others, the sender closed with malformed_message', async (_name, attack) => {
    const { alice, bob, transcript } = await setUp();
    const observer = await live.server.join(alice.id, transcript.id);
    observer.type('Hello. ');
    await observer.settle();
    const attacker = await live.server.join(bob.id, transcript.id);
    const stored = await rowCount(transcript.id);
    const seen = observer.doc.get(contentKey, Y.XmlText).toString();
    await attacker.settle();

    attacker.doc.transact(() => attack(attacker.doc));
    expect(attacker.pending).toHaveLength(1);
    const ack = (await attacker.pending.at(-1)) as DocAck;
    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await expectClosedMalformed(attacker);
    expect(await rowCount(transcript.id)).toBe(stored);
    // Ordered delivery: had the bad update been relayed, it would arrive before this edit's echo.
    observer.type('Still here. ');
    await observer.settle();
    expect(observer.doc.get(contentKey, Y.XmlText).toString()).toBe(seen.replace('Hello. ', 'Still here. Hello. '));
    expect(observer.doc.getMap(metadataKey).get('title')).toBe('Test transcript');
    expect(observer.doc.share.has('evil')).toBe(false);
  });

  it.each([
    ['a struct after a gap (an orphan)', orphanFrom],
    ['a delete set for a client the server has never seen', () => deleteForUnknownClient()],
  ] as const)('stores no garbage: refuses %s', async (_name, make) => {
    const { alice, transcript } = await setUp();
    const attacker = await live.server.join(alice.id, transcript.id);
    expect(await attacker.send(encodeUpdateFrame(make(attacker.doc)))).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await rowCount(transcript.id)).toBe(0);
  });

  it('keeps every reader of the transcript answering after the attacks', async () => {
    const { alice, bob, carol, transcript } = await setUp();
    for (const [index, [, attack]] of attacks.entries()) {
      // Two attackers: one user's joins are rate-limited (20 at once).
      const attacker = await live.server.join((index % 2 ? bob : carol).id, transcript.id);
      attacker.doc.transact(() => attack(attacker.doc));
      expect(await attacker.pending.at(-1)).toMatchObject({ ok: false });
      attacker.socket.disconnect();
    }
    const editor = await live.server.join(alice.id, transcript.id);
    editor.type('Fine. ');
    await editor.settle();
    const owner = await new TestClient(live.server.app).signIn(alice.email, testPassword);
    for (const path of ['', '/review', '/speakers', '/export?format=text', '/blame', '/activity', '/versions']) {
      const response = await owner.get(`/api/transcripts/${transcript.id}${path}`);
      expect(response.status, path).toBe(200);
    }
    expect((await owner.post(`/api/transcripts/${transcript.id}/versions`, { name: 'After the attacks' })).status).toBeLessThan(300);
  });
});

describe('a bad document stored before updates were checked', () => {
  it('is read totally by every reader (which write nothing), and repaired when a live session opens it', async () => {
    const { alice, transcript } = await setUp();
    // Written straight into the store, the way the unchecked server used to accept it.
    const store = createUpdateStore(live.db.prisma);
    const seed = await buildSeedState(live.db.prisma, transcript.id);
    await store.saveCheckpoint(transcript.id, seed, 0);
    const bad = new Y.Doc();
    Y.applyUpdate(bad, seed);
    const before = Y.encodeStateVector(bad);
    bad.transact(() => {
      for (const [, attack] of attacks) attack(bad);
      firstBlock(bad).insert(0, 'Kept words. ');
    });
    await store.append({ transcriptId: transcript.id, userId: alice.id, update: Y.encodeStateAsUpdate(bad, before) });
    expect(() => yTextToSlateElement(bad.get(contentKey, Y.XmlText))).toThrow('toDelta is not a function');
    const stored = await rowCount(transcript.id);

    const owner = await new TestClient(live.server.app).signIn(alice.email, testPassword);
    for (const path of ['', '/review', '/speakers', '/export?format=text', '/export?format=json', '/blame', '/activity', '/versions']) {
      const response = await owner.get(`/api/transcripts/${transcript.id}${path}`);
      expect(response.status, path).toBe(200);
    }
    expect(await rowCount(transcript.id)).toBe(stored);
    const version = await owner.post(`/api/transcripts/${transcript.id}/versions`, { name: 'Bricked?' });
    expect(version.status).toBeLessThan(300);
    expect((await owner.get(`/api/transcripts/${transcript.id}/compare?from=1`)).status).toBeLessThan(500);

    // Opening it live repairs it (one row by the server) before anyone receives it: the editor's binding converts it.
    const editor = await live.server.join(alice.id, transcript.id);
    expect(() => yTextToSlateElement(editor.doc.get(contentKey, Y.XmlText))).not.toThrow();
    const repair = await live.db.prisma.documentUpdate.findFirst({ where: { transcriptId: transcript.id }, orderBy: { seq: 'desc' } });
    expect(repair).toMatchObject({ seq: stored + 1, userId: null });
    expect(JSON.stringify(readTranscriptDoc(editor.doc).turns)).toContain('Kept words. ');
    expect(editor.doc.getMap(metadataKey).get('title')).not.toBe(42);
    const restore = await owner.post(`/api/transcripts/${transcript.id}/versions/${version.body.version?.number ?? version.body.number}/restore`);
    expect(restore.status, JSON.stringify(restore.body)).toBe(200);
    editor.type('Editable. ');
    await editor.settle();
  });
});

describe('reading never writes', () => {
  it('reads a never-opened transcript without storing its seed', async () => {
    const { alice, transcript } = await setUp();
    const owner = await new TestClient(live.server.app).signIn(alice.email, testPassword);
    for (const path of ['', '/export?format=text', '/review', '/blame']) expect((await owner.get(`/api/transcripts/${transcript.id}${path}`)).status).toBe(200);
    expect(await live.db.prisma.documentCheckpoint.count({ where: { transcriptId: transcript.id } })).toBe(0);
    expect(await rowCount(transcript.id)).toBe(0);
  });
});

describe('one transcript, one session', () => {
  it('joins an upper-case spelling of the id to the same session, and keeps every acknowledged edit', async () => {
    const { alice, bob, transcript } = await setUp();
    const lower = await live.server.join(alice.id, transcript.id);
    const upper = await live.server.join(bob.id, transcript.id.toUpperCase());
    upper.type('From upper. ');
    await upper.settle();
    await until(() => lower.firstTurnText() === 'From upper. ', 'the lower-case client');
    lower.type('From lower. ');
    await lower.settle();
    await until(() => upper.firstTurnText() === 'From lower. From upper. ', 'the upper-case client');
    lower.socket.disconnect();
    upper.socket.disconnect();
    await until(async () => (await live.server.liveSessions.peek(transcript.id)) === null, 'the session to close');
    const reopened = await live.server.join(alice.id, transcript.id);
    expect(reopened.firstTurnText()).toBe('From lower. From upper. ');
  });
});
