import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, mergeSpeakersInDoc, permissions, speakersKey, updateSpeakerInDoc } from '@verity/common';
import { listActivity } from '../history/list-activity.ts';
import { importTranscript } from '../imports/import-transcript.ts';
import { buildUser } from '../testing/factories.ts';
import { cleanCart } from '../testing/review-fixtures.ts';
import { until, type LiveClient } from '../testing/live-test-server.ts';
import { useLiveTestServer } from '../testing/use-live-test-server.ts';

// Speaker edits made on a person's own live copy, as the Speakers panel makes them (issue 12).

const live = useLiveTestServer();
const panelOrigin = { name: 'speakers-panel' };

async function setUp() {
  const [alice, bob, carol] = await Promise.all(['Alice', 'Bob', 'Carol'].map((displayName) => buildUser(live.db.prisma, { displayName })));
  const transcript = await importTranscript(live.db.prisma, { bytes: new TextEncoder().encode(cleanCart), fileName: 'hearing.txt', format: 'cart', ownerId: alice!.id });
  await live.db.prisma.membership.createMany({ data: [{ transcriptId: transcript.id, userId: bob!.id, role: 'reviewer' }, { transcriptId: transcript.id, userId: carol!.id, role: 'viewer' }] });
  const [a, b, c] = [await live.server.join(alice!.id, transcript.id), await live.server.join(bob!.id, transcript.id), await live.server.join(carol!.id, transcript.id)];
  await until(() => [a, b, c].every((client) => client.transcript.speakers.length === 3), 'the roster on every copy');
  const idOf = (label: string) => a.transcript.speakers.find((speaker) => speaker.label === label)!.id;
  return { id: transcript.id, alice: alice!, bob: bob!, a, b, c, ana: idOf('ANA LOPEZ'), anna: idOf('ANNA LOPEZ') };
}

const labels = (client: LiveClient) => client.transcript.speakers.map((speaker) => speaker.label).sort();
const rowsBy = (transcriptId: string, userId: string) => live.db.prisma.documentUpdate.count({ where: { transcriptId, userId } });

describe('speaker edits through the live document', () => {
  it('a merge on one person’s copy is one stored change of theirs that the other sees, and their undo is accepted and seen too', async () => {
    const { id, alice, a, b, ana, anna } = await setUp();
    const undo = new Y.UndoManager([a.doc.get(contentKey, Y.XmlText), a.doc.getMap(speakersKey)], { trackedOrigins: new Set([panelOrigin]) });
    expect(mergeSpeakersInDoc(a.doc, ana, [anna], panelOrigin)).toBe(1);
    await a.settle();
    await until(() => b.transcript.speakers.length === 2, 'the merge on the other copy');
    expect(labels(b)).toEqual(['ANA LOPEZ', 'MODERATOR']);
    expect(b.transcript.turns.map((turn) => turn.speakerId)).toEqual([ana, expect.any(String), ana]);
    expect(await rowsBy(id, alice.id)).toBe(1);
    const { entries } = await listActivity(live.db.prisma, { transcriptId: id });
    expect(entries[0]!.summary).toBe('Alice merged speaker ‘ANNA LOPEZ’ into ‘ANA LOPEZ’ (1 turn)');

    // Undo (what Ctrl+Z does for the panel's origin) passes the server's layout checks and reaches everyone.
    undo.undo();
    await a.settle();
    await until(() => b.transcript.speakers.length === 3, 'the undo on the other copy');
    expect(b.transcript.turns.map((turn) => turn.speakerId)).toEqual([ana, expect.any(String), anna]);
    expect(await rowsBy(id, alice.id)).toBe(2);
  });

  it('lets exactly the roles that manage speakers edit the roster live', () => {
    // The session lets a connection write when its role may `correct`; roster edits ride on that. If
    // the two ever differ, the layout check must learn who may change `speakers`.
    expect(permissions.manageSpeakers).toEqual(permissions.correct);
  });

  it('refuses a viewer’s merge or rename made on their own copy, and stores nothing of it', async () => {
    const { id, a, b, c, ana, anna } = await setUp();
    await c.settle(); // the handshake's (empty) reply
    const before = await live.db.prisma.documentUpdate.count({ where: { transcriptId: id } });
    mergeSpeakersInDoc(c.doc, ana, [anna]);
    updateSpeakerInDoc(c.doc, ana, { displayName: 'Mallory' });
    const acks = await Promise.all(c.pending.splice(0));
    expect(acks).toHaveLength(2);
    for (const ack of acks) expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await live.db.prisma.documentUpdate.count({ where: { transcriptId: id } })).toBe(before);
    // The others' copies never hear of it.
    b.block(0).insert(0, 'So. ');
    await b.settle();
    await until(() => a.transcript.turns[0]!.content[0]?.type === 'text' && (a.transcript.turns[0]!.content[0] as { text: string }).text.startsWith('So. '), 'a later edit');
    expect(labels(a)).toEqual(['ANA LOPEZ', 'ANNA LOPEZ', 'MODERATOR']);
    expect(a.transcript.speakers.find((speaker) => speaker.id === ana)!.displayName).not.toBe('Mallory');
  });
});
