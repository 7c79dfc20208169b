import { withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Transforms, type Editor } from 'slate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, encodeUpdateFrame, readTranscriptDoc, transcriptSchema, turnPlainText } from '@verity/common';
import { FakeConnectionBuilder, type FakeClient } from './fake-connection.ts';
import { LiveSession } from './live-session.ts';
import { MemoryUpdateStore } from './memory-update-store.ts';
import { normalizeTouchedBlocks } from './normalize-transcript-doc.ts';
import { checkUpdateLayout } from './check-update-layout.ts';

// The two known hazards of editing one transcript at once, with real @slate-yjs editors on each side:
// the server cannot prevent them (the client's soft claim does), but it must keep the document valid,
// lose no one's words and record who did what.

const transcriptId = 'transcript-1';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

const seed = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [
    { id: 's1', label: 'ALICE', displayName: 'Alice' },
    { id: 's2', label: 'BOB', displayName: 'Bob' },
  ],
  turns: [{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'I agree. Teh next point is funding.' }] }],
});

async function open() {
  const store = new MemoryUpdateStore();
  await store.saveCheckpoint(transcriptId, Y.encodeStateAsUpdate(createTranscriptDoc(seed)), 0);
  const session = await LiveSession.load({ transcriptId, store, normalize: normalizeTouchedBlocks, checkUpdate: checkUpdateLayout });
  cleanup.push(() => session.close('server_shutdown'));
  const connect = (userId: string) => {
    const client = new FakeConnectionBuilder(session).withUser(userId).join();
    const editor = withYjs(createEditor(), client.doc.get(contentKey, Y.XmlText));
    YjsEditor.connect(editor);
    cleanup.push(() => {
      YjsEditor.disconnect(editor);
      client.awareness.destroy();
    });
    return { client, editor };
  };
  return { store, session, connect };
}

/** Applies Slate operations locally, returning the update they made, unsent (so tests interleave). */
function local(client: FakeClient, editor: Editor, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array, origin: unknown) => origin !== 'server' && updates.push(update);
  client.doc.on('update', capture);
  change();
  YjsEditor.flushLocalChanges(editor as YjsEditor & Editor);
  client.doc.off('update', capture);
  return Y.mergeUpdates(updates);
}

describe('concurrent structure edits through the server', () => {
  it('(a) a split while someone types in the moved half: text kept, ids unique after normalization, both authors logged', async () => {
    const { store, session, connect } = await open();
    const alice = connect('alice');
    const bob = connect('bob');
    // Alice splits after "I agree. " and gives the new turn to Bob; Bob meanwhile fixes "Teh" in that half.
    const split = local(alice.client, alice.editor, () => {
      Transforms.splitNodes(alice.editor, { at: { path: [0, 0], offset: 9 } });
      Transforms.setNodes(alice.editor, { speakerId: 's2' } as never, { at: [1] });
    });
    const fix = local(bob.client, bob.editor, () => {
      Transforms.delete(bob.editor, { at: { anchor: { path: [0, 0], offset: 9 }, focus: { path: [0, 0], offset: 12 } } });
      Transforms.insertText(bob.editor, 'The', { at: { path: [0, 0], offset: 9 } });
    });
    expect(await alice.client.send(encodeUpdateFrame(split))).toMatchObject({ kind: 'accepted' });
    expect(await bob.client.send(encodeUpdateFrame(fix))).toMatchObject({ kind: 'accepted' });
    await Promise.all([alice.client.flush(), bob.client.flush()]);

    const result = readTranscriptDoc(session.doc);
    expect(new Set(result.turns.map((turn) => turn.id)).size).toBe(result.turns.length);
    expect(result.turns[0]!.id).toBe('t1');
    // Bob's correction was typed into text the split moved: it stays in the first turn, under Alice's
    // speaker (the hazard), and the copied half keeps the old spelling. Nothing is lost.
    expect(result.turns.map(turnPlainText)).toEqual(['I agree. The', 'Teh next point is funding.']);
    expect(result.turns.map((turn) => turn.speakerId)).toEqual(['s1', 's2']);
    // Every replica converges, normalization included.
    for (const { client } of [alice, bob]) expect(readTranscriptDoc(client.doc)).toEqual(result);
    // The duplicated id was repaired by the server, stored as its own row.
    expect(store.rows(transcriptId).map((row) => row.userId)).toEqual(['alice', 'system', 'bob']);
  });

  it('(a) two clients splitting one turn at once produce three distinct ids', async () => {
    const { session, connect } = await open();
    const alice = connect('alice');
    const bob = connect('bob');
    const first = local(alice.client, alice.editor, () => Transforms.splitNodes(alice.editor, { at: { path: [0, 0], offset: 9 } }));
    const second = local(bob.client, bob.editor, () => Transforms.splitNodes(bob.editor, { at: { path: [0, 0], offset: 22 } }));
    await alice.client.send(encodeUpdateFrame(first));
    await bob.client.send(encodeUpdateFrame(second));
    await Promise.all([alice.client.flush(), bob.client.flush()]);
    const ids = readTranscriptDoc(session.doc).turns.map((turn) => turn.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(readTranscriptDoc(alice.client.doc)).toEqual(readTranscriptDoc(bob.client.doc));
  });

  it('(b) two people fixing the same word at once keep both fixes; the server does not guess', async () => {
    const { store, session, connect } = await open();
    const alice = connect('alice');
    const bob = connect('bob');
    const fix = (editor: Editor) => () => {
      Transforms.delete(editor, { at: { anchor: { path: [0, 0], offset: 9 }, focus: { path: [0, 0], offset: 12 } } });
      Transforms.insertText(editor, 'The', { at: { path: [0, 0], offset: 9 } });
    };
    const fromAlice = local(alice.client, alice.editor, fix(alice.editor));
    const fromBob = local(bob.client, bob.editor, fix(bob.editor));
    await alice.client.send(encodeUpdateFrame(fromAlice));
    await bob.client.send(encodeUpdateFrame(fromBob));
    await Promise.all([alice.client.flush(), bob.client.flush()]);
    // "TheThe": a repeated word can be intended ("that that"), so it is left for a person to see,
    // with each insertion attributed in the log.
    expect(turnPlainText(readTranscriptDoc(session.doc).turns[0]!)).toBe('I agree. TheThe next point is funding.');
    expect(store.rows(transcriptId).map((row) => row.userId)).toEqual(['alice', 'bob']);
  });
});
