import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, transcriptSchema } from '@verity/common';
import { checkUpdateLayout } from './check-update-layout.ts';
import { DecodedUpdate } from './decoded-update.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: { title: 'T' },
  speakers: [{ id: 's1', label: 'A', displayName: 'A' }],
  turns: [
    { id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'First turn.' }] },
    { id: 't2', speakerId: null, content: [{ type: 'text', text: 'Second turn.' }] },
  ],
});

function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function changeOn(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

const block = (doc: Y.Doc, index: number) => (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[index]!.insert;
const check = (doc: Y.Doc, update: Uint8Array) => checkUpdateLayout(doc, new DecodedUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))));

describe('checkUpdateLayout on concurrent honest edits', () => {
  it('accepts an event chip typed into a turn someone else deleted (and collected) meanwhile: Yjs makes it garbage', () => {
    const server = createTranscriptDoc(transcript);
    const alice = replicaOf(server);
    const bob = replicaOf(server);
    const removal = changeOn(bob, (doc) => doc.get(contentKey, Y.XmlText).delete(1, 1));
    const chip = changeOn(alice, () => {
      const event = new Y.XmlText();
      block(alice, 1).insertEmbed(0, event);
      for (const [key, value] of Object.entries({ type: 'event', label: 'Applause', raw: '[Applause]' })) event.setAttribute(key, value);
      block(alice, 1).insert(0, 'typed ', { uncertain: '(?)' });
    });
    expect(check(server, removal)).toBeNull();
    Y.applyUpdate(server, removal);
    expect(check(server, chip)).toBeNull();
    Y.applyUpdate(server, chip);
    expect(server.get(contentKey, Y.XmlText).toDelta()).toHaveLength(1);
  });

  it('accepts a split’s copy and a relabel made at once, and refuses a copy without its id', () => {
    const server = createTranscriptDoc(transcript);
    const alice = replicaOf(server);
    const split = changeOn(alice, () => {
      const first = block(alice, 0);
      first.delete(6, 5);
      const copy = new Y.XmlText();
      alice.get(contentKey, Y.XmlText).insertEmbed(1, copy);
      for (const [key, value] of Object.entries(first.getAttributes())) copy.setAttribute(key, value as string);
      copy.insert(0, 'turn.');
      first.setAttribute('speakerId', null as never);
    });
    expect(check(server, split)).toBeNull();
    const bob = replicaOf(server);
    const bare = changeOn(bob, () => {
      const copy = new Y.XmlText();
      bob.get(contentKey, Y.XmlText).insertEmbed(1, copy);
      copy.setAttribute('type', 'turn');
    });
    expect(check(server, bare)).toBe('a new turn needs "id"');
  });

  it('refuses an update that names a parent the server does not have', () => {
    const server = createTranscriptDoc(transcript);
    const elsewhere = createTranscriptDoc(transcript);
    const update = changeOn(elsewhere, () => block(elsewhere, 0).insert(0, 'x'));
    expect(check(server, update)).toMatch(/the server (has|does not have)/);
  });
});

describe('checkUpdateLayout on large honest updates', () => {
  it('accepts a reconnect’s step 2 with 5,000 separate offline edits (references resolved in clock order, no deep recursion)', () => {
    const server = createTranscriptDoc(transcript);
    const offline = replicaOf(server);
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 5_000; k++) {
      const target = block(offline, Math.floor(next() * 2));
      if (next() < 0.2 && target.length > 2) target.delete(Math.floor(next() * (target.length - 1)), 1);
      else target.insert(Math.floor(next() * target.length), 'abc'[k % 3]!, k % 7 === 0 ? { uncertain: '(?)' } : {});
    }
    const step2 = Y.encodeStateAsUpdate(offline, Y.encodeStateVector(server));
    expect(check(server, step2)).toBeNull();
    Y.applyUpdate(server, step2);
    expect(server.get(contentKey, Y.XmlText).toString()).toBe(offline.get(contentKey, Y.XmlText).toString());
  });
});
