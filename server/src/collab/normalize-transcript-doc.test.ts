import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc as createTranscriptDocFrom, readTranscriptBlocks, transcriptSchema, type Transcript } from '@verity/common';
import { normalizeTouchedBlocks, normalizeTranscriptDoc } from './normalize-transcript-doc.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [{ id: 's1', label: 'ALICE', displayName: 'Alice' }],
  turns: [
    { id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'Hello.' }] },
    { id: 't2', speakerId: null, content: [{ type: 'text', text: 'Hi.' }] },
  ],
  notes: [{ id: 'n1', afterTurnId: 't2', text: 'Adjourned.' }],
});

function blockAt(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[index]!.insert;
}

/** Runs a normalizer and returns the update it produced (empty when it changed nothing). */
function runNormalizer(doc: Y.Doc, normalizer: (doc: Y.Doc) => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on('update', capture);
  doc.transact(() => normalizer(doc));
  doc.off('update', capture);
  return updates;
}

// The same repairs, by the full pass and by the touched-blocks pass after the edits (its first call on a
// document is a full pass, so the document is primed with one call before the test breaks it).
describe.each([
  { name: 'normalizeTranscriptDoc (full pass)', normalizer: normalizeTranscriptDoc, prime: (_doc: Y.Doc) => {} },
  { name: 'normalizeTouchedBlocks (touched blocks only)', normalizer: normalizeTouchedBlocks, prime: (doc: Y.Doc) => void runNormalizer(doc, normalizeTouchedBlocks) },
])('$name', ({ normalizer, prime }) => {
  const normalize = (doc: Y.Doc) => runNormalizer(doc, normalizer);
  const createTranscriptDoc = (source: Transcript) => {
    const doc = createTranscriptDocFrom(source);
    prime(doc);
    return doc;
  };

  it('changes nothing in a well-formed document', () => {
    const doc = createTranscriptDoc(transcript);
    expect(normalize(doc)).toEqual([]);
  });

  it('gives the second of two blocks with one id (a split) a fresh id, and is idempotent', () => {
    const doc = createTranscriptDoc(transcript);
    blockAt(doc, 1).setAttribute('id', 't1');
    blockAt(doc, 2).setAttribute('id', '');
    expect(normalize(doc)).not.toEqual([]);
    const ids = readTranscriptBlocks(doc).map((block) => block.id);
    expect(ids[0]).toBe('t1');
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(normalize(doc)).toEqual([]);
  });

  it('fills missing turn keys and unattributes a turn whose speaker left the roster', () => {
    const doc = createTranscriptDoc(transcript);
    blockAt(doc, 0).removeAttribute('start');
    blockAt(doc, 1).removeAttribute('speakerId');
    doc.getMap('speakers').delete('s1');
    normalize(doc);
    const [first, second] = readTranscriptBlocks(doc);
    expect(first).toMatchObject({ type: 'turn', id: 't1', speakerId: null, start: null, end: null });
    expect(second).toMatchObject({ type: 'turn', id: 't2', speakerId: null });
    expect(normalize(doc)).toEqual([]);
  });

  it('never leaves the document without a block, and keeps empty notes', () => {
    const doc = createTranscriptDoc(transcript);
    const content = doc.get(contentKey, Y.XmlText);
    blockAt(doc, 2).delete(0, blockAt(doc, 2).length);
    normalize(doc);
    expect(readTranscriptBlocks(doc).at(-1)).toMatchObject({ type: 'note', id: 'n1', children: [{ text: '' }] });
    content.delete(0, content.length);
    normalize(doc);
    expect(readTranscriptBlocks(doc)).toEqual([{ type: 'turn', id: expect.any(String), speakerId: null, start: null, end: null, children: [{ text: '' }] }]);
    expect(normalize(doc)).toEqual([]);
  });
});

/** `count` turns of one sentence each, speakers s1 and s2 alternating. */
function bigTranscript(count: number): Transcript {
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: {},
    speakers: [
      { id: 's1', label: 'ALICE', displayName: 'Alice' },
      { id: 's2', label: 'BOB', displayName: 'Bob' },
    ],
    turns: Array.from({ length: count }, (_v, k) => ({ id: `t${k}`, speakerId: `s${(k % 2) + 1}`, content: [{ type: 'text', text: `Sentence ${k}.` }] })),
  });
}

/** Splits block `index` in two as @slate-yjs does: the tail moves into a copy (same attributes) after it. */
function split(doc: Y.Doc, index: number, offset: number): void {
  const block = blockAt(doc, index);
  const text = block.toString();
  const at = Math.min(offset, text.length);
  doc.transact(() => {
    block.delete(at, text.length - at);
    const copy = new Y.XmlText();
    doc.get(contentKey, Y.XmlText).insertEmbed(index + 1, copy);
    for (const [key, value] of Object.entries(block.getAttributes())) copy.setAttribute(key, value as string);
    copy.insert(0, text.slice(at));
  });
}

describe('normalizeTouchedBlocks', () => {
  afterEach(() => vi.restoreAllMocks());
  const normalize = (doc: Y.Doc) => runNormalizer(doc, normalizeTouchedBlocks);

  it('gives a split’s copy a fresh id; a block inserted before the holder of its id keeps the id instead', () => {
    const doc = createTranscriptDocFrom(bigTranscript(5));
    normalize(doc);
    split(doc, 2, 4);
    expect(normalize(doc)).not.toEqual([]);
    expect(readTranscriptBlocks(doc).map((block) => block.id).slice(0, 4)).toEqual(['t0', 't1', 't2', expect.not.stringMatching(/^t/)]);
    // A copy of t4 inserted at the very start comes first in reading order: it keeps t4, the old block yields.
    const copy = new Y.XmlText();
    doc.transact(() => {
      doc.get(contentKey, Y.XmlText).insertEmbed(0, copy);
      for (const [key, value] of Object.entries(blockAt(doc, 6).getAttributes())) copy.setAttribute(key, value as string);
    });
    normalize(doc);
    const ids = readTranscriptBlocks(doc).map((block) => block.id);
    expect(ids[0]).toBe('t4');
    expect(ids.filter((id) => id === 't4')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads no other block for a keystroke or a relabel, however long the document', () => {
    const doc = createTranscriptDocFrom(bigTranscript(2_000));
    normalize(doc);
    const toDelta = vi.spyOn(Y.XmlText.prototype, 'toDelta');
    const getAttribute = vi.spyOn(Y.XmlText.prototype, 'getAttribute');
    const block = (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[1_000]!.insert;
    toDelta.mockClear();
    block.insert(block.length, 'x');
    // Nothing for the session to open a transaction for.
    expect(normalizeTouchedBlocks.hasWork?.(doc)).toBe(false);
    expect(normalize(doc)).toEqual([]);
    expect(getAttribute).not.toHaveBeenCalled();
    block.setAttribute('speakerId', 's9');
    expect(normalizeTouchedBlocks.hasWork?.(doc)).toBe(true);
    normalize(doc);
    expect(block.getAttribute('speakerId')).toBeNull();
    expect(getAttribute.mock.calls.length).toBeLessThan(10);
    expect(toDelta).not.toHaveBeenCalled();
  });

  it('re-checks every turn when the roster changes, and refills a document emptied by a deletion', () => {
    const doc = createTranscriptDocFrom(bigTranscript(6));
    normalize(doc);
    doc.getMap('speakers').delete('s2');
    normalize(doc);
    expect(readTranscriptBlocks(doc).map((block) => (block.type === 'turn' ? block.speakerId : undefined))).toEqual(['s1', null, 's1', null, 's1', null]);
    const content = doc.get(contentKey, Y.XmlText);
    content.delete(0, content.length);
    normalize(doc);
    expect(readTranscriptBlocks(doc)).toEqual([{ type: 'turn', id: expect.any(String), speakerId: null, start: null, end: null, children: [{ text: '' }] }]);
  });

  it('leaves nothing for a full pass to repair after random structural edits (seeded)', () => {
    // mulberry32: the low bits of a plain LCG repeat too soon for small moduli.
    let seed = 42;
    const random = (below: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % below;
    };
    const doc = createTranscriptDocFrom(bigTranscript(12));
    normalize(doc);
    const content = doc.get(contentKey, Y.XmlText);
    const blockCount = () => content.toDelta().length;
    for (let round = 0; round < 400; round++) {
      // One to three edits per "update", as one transaction or several.
      for (let edit = 1 + random(3); edit > 0; edit--) {
        const count = blockCount();
        const index = random(Math.max(count, 1));
        const other = random(Math.max(count, 1));
        switch (count === 0 ? 7 : random(9)) {
          case 0: split(doc, index, random(6)); break;
          case 1: if (count > 1) content.delete(index, 1); break;
          case 2: blockAt(doc, index).setAttribute('id', blockAt(doc, other).getAttribute('id')!); break;
          case 3: blockAt(doc, index).setAttribute('id', ''); break;
          case 4: blockAt(doc, index).removeAttribute(['speakerId', 'start', 'end'][random(3)]!); break;
          case 5: blockAt(doc, index).setAttribute('speakerId', ['s1', 's2', 'gone'][random(3)]!); break;
          case 6: doc.transact(() => (random(2) ? doc.getMap('speakers').delete('s2') : doc.getMap('speakers').set('s2', { id: 's2', label: 'BOB', displayName: 'Bob' }))); break;
          case 7: if (random(8) === 0 || count === 0) content.delete(0, content.length); else blockAt(doc, index).insert(0, 'typed '); break;
          case 8: blockAt(doc, index).setAttribute('type', random(2) ? 'note' : 'turn'); break;
        }
      }
      normalize(doc);
      expect(runNormalizer(doc, normalizeTranscriptDoc), `round ${round}`).toEqual([]);
    }
  });
});
