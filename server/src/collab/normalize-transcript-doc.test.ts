import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentKey, createTranscriptDoc, readTranscriptBlocks, transcriptSchema } from '@verity/common';
import { normalizeTranscriptDoc } from './normalize-transcript-doc.ts';

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

/** Runs the normalizer and returns the update it produced (empty when it changed nothing). */
function normalize(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  doc.on('update', capture);
  doc.transact(() => normalizeTranscriptDoc(doc));
  doc.off('update', capture);
  return updates;
}

describe('normalizeTranscriptDoc', () => {
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
