import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transcriptSchema } from '../../transcript/transcript.schema.ts';
import { findInTranscript, type FindQuery } from '../find-in-transcript.ts';
import { anchorHits, applyReplacements, readSearchableBlocks } from './replace-in-doc.ts';
import { createTranscriptDoc, readTranscriptDoc } from '../transcript-doc.ts';
import { contentKey } from '../transcript-nodes.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [{ id: 's1', label: 'ADA', displayName: 'Ada' }],
  turns: [
    { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'The GAC met the ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'text', text: ' board.' }] },
    { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Ask GAC ' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]' }, { type: 'text', text: ' GAC.' }] },
  ],
  notes: [],
});
const query: FindQuery = { pattern: 'GAC', replacement: 'GFCE', isCaseSensitive: true, isWholeWord: true, isRegex: false };

function find(doc: Y.Doc) {
  const result = findInTranscript(readSearchableBlocks(doc), query);
  if (!result.ok) throw new Error(result.message);
  return result.hits;
}
const turnTexts = (doc: Y.Doc) => readTranscriptDoc(doc).turns.map((turn) => turn.content);
const block = (doc: Y.Doc, index: number) => (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[])[index]!.insert;

describe('replace in the live document', () => {
  it('replaces every selected hit by range in one transaction, keeping marks and events', () => {
    const doc = createTranscriptDoc(transcript);
    const hits = find(doc);
    expect(hits).toHaveLength(4);
    const transactions: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction.origin));
    const origin = { name: 'replace' };
    const { anchored, stale } = anchorHits(doc, hits.filter((hit) => hit.start !== 4 || hit.blockId !== 't2'));
    expect(stale).toBe(0);
    expect(applyReplacements(doc, anchored, origin)).toEqual({ replaced: 3, skipped: 0 });
    expect(transactions).toEqual([origin]);
    expect(turnTexts(doc)).toEqual([
      [{ type: 'text', text: 'The GFCE met the ' }, { type: 'uncertain', text: 'GFCE', marker: '(?)' }, { type: 'text', text: ' board.' }],
      [{ type: 'text', text: 'Ask GAC ' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]' }, { type: 'text', text: ' GFCE.' }],
    ]);
  });

  it('one UndoManager step reverts the whole replace', () => {
    const doc = createTranscriptDoc(transcript);
    const origin = { name: 'replace' };
    const undo = new Y.UndoManager(doc.get(contentKey, Y.XmlText), { trackedOrigins: new Set([origin]) });
    applyReplacements(doc, anchorHits(doc, find(doc)).anchored, origin);
    expect(find(doc)).toHaveLength(0);
    undo.undo();
    expect(readTranscriptDoc(doc)).toEqual(readTranscriptDoc(createTranscriptDoc(transcript)));
  });

  it('keeps concurrent typing in the same turn, before, after and between hits', () => {
    const doc = createTranscriptDoc(transcript);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const { anchored } = anchorHits(doc, find(doc));
    // Meanwhile, another reviewer types into turn 1 (start, middle, end) on their replica.
    block(other, 0).insert(0, 'Well, ');
    block(other, 0).insert('Well, The GAC met'.length, ' today');
    block(other, 0).insert(block(other, 0).length, ' Yes.');
    applyReplacements(doc, anchored, 'replace');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const expected = [{ type: 'text', text: 'Well, The GFCE met today the ' }, { type: 'uncertain', text: 'GFCE', marker: '(?)' }, { type: 'text', text: ' board. Yes.' }];
    expect(turnTexts(doc)[0]).toEqual(expected);
    expect(turnTexts(other)[0]).toEqual(expected);
  });

  it('skips a hit someone edited inside, or whose block is gone, and keeps the rest', () => {
    const doc = createTranscriptDoc(transcript);
    const hits = find(doc);
    block(doc, 0).insert(5, 'x'); // "GxAC": this hit, and the later one in the turn (shifted), read otherwise now
    expect(anchorHits(doc, hits).stale).toBe(2);
    const { anchored } = anchorHits(doc, find(doc).filter((hit) => hit.blockId === 't1'));
    block(doc, 0).insert(18, 'y'); // inside the uncertain "GAC" after anchoring: skipped when applied
    doc.get(contentKey, Y.XmlText).delete(1, 1); // turn 2 removed: nothing of it anchors
    expect(anchorHits(doc, hits.filter((hit) => hit.blockId === 't2')).anchored).toEqual([]);
    expect(applyReplacements(doc, anchored, 'replace')).toEqual({ replaced: 0, skipped: 1 });
  });
});
