import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transcriptSchema, type Transcript } from '../../transcript/transcript.schema.ts';
import { createTranscriptDoc, readTranscriptDoc } from '../transcript-doc.ts';
import { contentKey } from '../transcript-nodes.ts';
import { writeTranscriptToDoc, writeTurnToDoc } from './write-transcript-to-doc.ts';

const version: Transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: { title: 'Hearing' },
  speakers: [
    { id: 's1', label: 'ADA', displayName: 'Ada' },
    { id: 's2', label: 'BO', displayName: 'Bo' },
  ],
  turns: [
    { id: 't1', speakerId: 's1', start: 1, end: null, content: [{ type: 'text', text: 'First words.' }] },
    { id: 't2', speakerId: 's2', start: null, end: null, content: [{ type: 'text', text: 'Second words.' }] },
    { id: 't3', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'Third words.' }] },
  ],
  notes: [],
});
const blocks = (doc: Y.Doc) => (doc.get(contentKey, Y.XmlText).toDelta() as { insert: Y.XmlText }[]).map((op) => op.insert);

describe('writeTranscriptToDoc (restore)', () => {
  it('makes the document hold the version in one transaction, leaving equal blocks untouched', () => {
    const doc = createTranscriptDoc(version);
    const [first, second] = blocks(doc);
    doc.transact(() => {
      second!.insert(0, 'Edited. ');
      blocks(doc)[2]!.setAttribute('speakerId', 's2');
    });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => transaction.changed.size > 0 && origins.push(transaction.origin));
    writeTranscriptToDoc(doc, { ...version, speakers: [version.speakers[0]!, { ...version.speakers[1]!, displayName: 'Bo B.' }] }, 'restore');
    expect(origins).toEqual(['restore']);
    expect(blocks(doc)[0]).toBe(first);
    expect(blocks(doc)[1]).toBe(second);
    const restored = readTranscriptDoc(doc);
    expect(restored.turns).toEqual(version.turns);
    expect(restored.speakers.map((speaker) => speaker.displayName)).toEqual(['Ada', 'Bo B.']);
  });

  it('puts one turn back where it was, with a speaker the roster had lost', () => {
    const doc = createTranscriptDoc(version);
    doc.transact(() => {
      doc.get(contentKey, Y.XmlText).delete(1, 1);
      doc.getMap('speakers').delete('s2');
    });
    expect(writeTurnToDoc(doc, version, 't2')).toBe(true);
    expect(readTranscriptDoc(doc)).toEqual(version);
    expect(writeTurnToDoc(doc, version, 'ghost')).toBe(false);
  });
});
