import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import {
  anchorBytesFromBase64,
  anchorBytesToBase64,
  createCommentAnchor,
  decodeAnchorPosition,
  findUniqueQuote,
  isAnchorKnown,
  readAnchorText,
  resolveCommentAnchor,
  type CommentAnchor,
} from './comment-anchor.ts';
import { createTranscriptDoc } from './transcript-doc.ts';
import { contentKey } from './transcript-nodes.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: { title: 'Anchors' },
  speakers: [{ id: 's1', label: 'ANA', displayName: 'Ana' }],
  turns: [
    { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'The GAC met in Geneva today.' }] },
    { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Second turn ' }, { type: 'event', label: 'Laughter', raw: '[Laughter]' }, { type: 'text', text: ' here.' }] },
  ],
  notes: [],
});

/** A replica of the seeded document, as a client gets it by syncing. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

function block(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[index]!.insert;
}

/** "GAC met" in t1: offsets 4–11. */
function anchorGacMet(doc: Y.Doc): CommentAnchor {
  const anchor = createCommentAnchor(doc, { blockId: 't1', start: 4, end: 11 });
  expect(anchor).not.toBeNull();
  return anchor!;
}

function quoted(doc: Y.Doc, anchor: CommentAnchor): string | null {
  const range = resolveCommentAnchor(doc, anchor);
  return range ? readAnchorText(doc, range) : null;
}

describe('comment anchors', () => {
  it('resolve to the words they were made on', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    expect(resolveCommentAnchor(doc, anchor)).toEqual({ blockId: 't1', start: 4, end: 11 });
    expect(quoted(doc, anchor)).toBe('GAC met');
    // Another replica resolves the same bytes to the same words.
    expect(quoted(replicaOf(doc), anchor)).toBe('GAC met');
  });

  it('follow an edit before the range', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    block(doc, 0).insert(0, 'Yesterday, ');
    expect(resolveCommentAnchor(doc, anchor)).toEqual({ blockId: 't1', start: 15, end: 22 });
    expect(quoted(doc, anchor)).toBe('GAC met');
    block(doc, 0).delete(0, 15); // "Yesterday, The " gone, right up to the first commented character
    expect(quoted(doc, anchor)).toBe('GAC met');
  });

  it('keep text typed right at either edge outside, and text typed inside inside', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    block(doc, 0).insert(11, '!'); // right after "met"
    block(doc, 0).insert(4, '['); // right before "GAC"
    expect(quoted(doc, anchor)).toBe('GAC met');
    block(doc, 0).insert(9, 'members '); // "The [GAC members met!"
    expect(quoted(doc, anchor)).toBe('GAC members met');
  });

  it('shrink when an edit deletes part of the words, across either edge', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    block(doc, 0).delete(0, 8); // "The GAC " — from before the range into it
    expect(quoted(doc, anchor)).toBe('met');
    expect(resolveCommentAnchor(doc, anchor)).toEqual({ blockId: 't1', start: 0, end: 3 });
    const other = createTranscriptDoc(transcript);
    const second = anchorGacMet(other);
    other.transact(() => {
      block(other, 0).delete(8, 6); // "met in" — from inside the range past its end
      block(other, 0).insert(8, 'sat');
    });
    expect(quoted(other, second)).toBe('GAC ');
  });

  it('replace words inside the range without losing it', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    doc.transact(() => {
      block(doc, 0).delete(4, 3);
      block(doc, 0).insert(4, 'GFCE');
    });
    // The first character went, so the start now sits where it was: the replacement is inside.
    expect(quoted(doc, anchor)).toBe('GFCE met');
  });

  it('detach when every commented character is deleted, or the turn is', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    block(doc, 0).delete(4, 7);
    expect(resolveCommentAnchor(doc, anchor)).toBeNull();
    const other = createTranscriptDoc(transcript);
    const second = anchorGacMet(other);
    other.get(contentKey, Y.XmlText).delete(0, 1);
    expect(resolveCommentAnchor(other, second)).toBeNull();
  });

  it('come back when the deletion is undone', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    const undo = new Y.UndoManager(doc.get(contentKey, Y.XmlText), { trackedOrigins: new Set(['me']) });
    doc.transact(() => block(doc, 0).delete(4, 7), 'me');
    expect(resolveCommentAnchor(doc, anchor)).toBeNull();
    undo.undo();
    expect(quoted(doc, anchor)).toBe('GAC met');
  });

  it('count an event chip as one offset and read it as U+FFFC', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = createCommentAnchor(doc, { blockId: 't2', start: 7, end: 16 })!;
    expect(quoted(doc, anchor)).toBe('turn \uFFFC he');
  });

  it('follow concurrent edits from two replicas once merged', () => {
    const server = createTranscriptDoc(transcript);
    const ada = replicaOf(server);
    const bob = replicaOf(server);
    const anchor = anchorGacMet(ada);
    // Concurrently: Ada types before the range and inside it, Bob deletes the start of it and types after it.
    block(ada, 0).insert(0, 'Yesterday, ');
    block(ada, 0).insert(18, 'really ');
    block(bob, 0).delete(4, 4);
    block(bob, 0).insert(7, ' twice');
    for (const [from, to] of [[ada, bob], [bob, ada], [ada, server], [bob, server]] as const) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
    for (const doc of [ada, bob, server]) {
      expect(block(doc, 0).toString()).toBe('Yesterday, The really met twice in Geneva today.');
      expect(quoted(doc, anchor)).toBe('really met');
    }
  });

  it('made on one turn stay in it when another turn is edited or a turn is added before it', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = createCommentAnchor(doc, { blockId: 't2', start: 0, end: 6 })!;
    block(doc, 0).delete(0, 10);
    const added = new Y.XmlText();
    added.setAttribute('type', 'turn');
    added.setAttribute('id', 't0');
    doc.get(contentKey, Y.XmlText).insertEmbed(0, added);
    expect(resolveCommentAnchor(doc, anchor)).toEqual({ blockId: 't2', start: 0, end: 6 });
  });

  it('refuse ranges that are empty or outside the block, and blocks that do not exist', () => {
    const doc = createTranscriptDoc(transcript);
    expect(createCommentAnchor(doc, { blockId: 't1', start: 3, end: 3 })).toBeNull();
    expect(createCommentAnchor(doc, { blockId: 't1', start: 0, end: 999 })).toBeNull();
    expect(createCommentAnchor(doc, { blockId: 't9', start: 0, end: 1 })).toBeNull();
    expect(createCommentAnchor(doc, { blockId: 't1', start: -1, end: 1 })).toBeNull();
  });

  it('refuse forged and garbage bytes without touching the document', () => {
    const doc = createTranscriptDoc(transcript);
    const genuine = anchorGacMet(doc);
    const before = Y.encodeStateVector(doc);
    const rootsBefore = [...doc.share.keys()];
    const forged = [
      new Uint8Array([]),
      new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]),
      new Uint8Array(200),
      // A root named "evil": resolving it would create that root.
      Y.encodeRelativePosition(new Y.RelativePosition(null, 'evil', null, 0)),
      // A character of a client that never wrote here.
      Y.encodeRelativePosition(Y.createRelativePositionFromJSON({ item: { client: 424242, clock: 3 }, assoc: 0 })),
      // A type id instead of a character.
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(block(doc, 0), block(doc, 0).length, 0)),
      // The genuine bytes with junk after them (not canonical).
      new Uint8Array([...genuine.start, 7, 7]),
    ];
    for (const bytes of forged) {
      expect(resolveCommentAnchor(doc, { start: bytes, end: genuine.end })).toBeNull();
      expect(resolveCommentAnchor(doc, { start: genuine.start, end: bytes })).toBeNull();
    }
    // Swapped sides, and a position in the speakers map rather than the text.
    expect(resolveCommentAnchor(doc, { start: genuine.end, end: genuine.start })).toBeNull();
    doc.getMap('speakers').set('s9', { id: 's9', label: 'X', displayName: 'X' });
    expect([...doc.share.keys()]).toEqual(rootsBefore);
    expect(Y.encodeStateVector(doc).length).toBeGreaterThanOrEqual(before.length);
  });

  it('tell characters this document has from ones it has not seen yet', () => {
    const server = createTranscriptDoc(transcript);
    const client = replicaOf(server);
    block(client, 0).insert(0, 'New words ');
    const anchor = createCommentAnchor(client, { blockId: 't1', start: 0, end: 9 })!;
    expect(isAnchorKnown(client, anchor)).toBe(true);
    expect(isAnchorKnown(server, anchor)).toBe(false);
    expect(resolveCommentAnchor(server, anchor)).toBeNull();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    expect(quoted(server, anchor)).toBe('New words');
  });

  it('decode only what they encode, on the side they belong to', () => {
    const doc = createTranscriptDoc(transcript);
    const anchor = anchorGacMet(doc);
    expect(decodeAnchorPosition(anchor.start, 'start')).not.toBeNull();
    expect(decodeAnchorPosition(anchor.start, 'end')).toBeNull();
    expect(decodeAnchorPosition(anchor.end, 'end')).not.toBeNull();
    expect(anchorBytesFromBase64(anchorBytesToBase64(anchor.end))).toEqual(anchor.end);
    expect(anchorBytesFromBase64('not base64!')).toBeNull();
  });

  it('find a quote again only where it is unambiguous', () => {
    const doc = createTranscriptDoc(transcript);
    expect(findUniqueQuote(doc, 'GAC met')).toEqual({ blockId: 't1', start: 4, end: 11 });
    expect(findUniqueQuote(doc, 'turn \uFFFC he')).toEqual({ blockId: 't2', start: 7, end: 16 });
    expect(findUniqueQuote(doc, 'e')).toBeNull();
    expect(findUniqueQuote(doc, 'nowhere')).toBeNull();
    expect(findUniqueQuote(doc, '')).toBeNull();
  });
});
