import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { transcriptSchema } from '../../transcript/transcript.schema.ts';
import { createTranscriptDoc, readTranscriptDoc } from '../transcript-doc.ts';
import { contentKey, speakersKey } from '../transcript-nodes.ts';
import { addSpeakerToDoc, mergeSpeakersInDoc, updateSpeakerInDoc } from './speaker-edits.ts';

/** Turns 1..n alternate between MANON spelt two ways and a moderator; one note in between. */
function hearing(turns = 6) {
  return createTranscriptDoc(
    transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: {},
      speakers: [
        { id: 's1', label: 'MANON VAN TIENHOVEN', displayName: 'MANON VAN TIENHOVEN' },
        { id: 's2', label: 'MANON VAN TIEHOVEN', displayName: 'MANON VAN TIEHOVEN', role: 'Chair' },
        { id: 's3', label: 'MODERATOR', displayName: 'MODERATOR' },
      ],
      turns: Array.from({ length: turns }, (_, k) => ({ id: `t${k + 1}`, speakerId: ['s1', 's2', 's3'][k % 3], start: null, end: null, content: [{ type: 'text', text: `words ${k}` }] })),
      notes: [{ id: 'n1', afterTurnId: 't1', text: 'Adjourned.' }],
    }),
  );
}

function recordTransactions(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) origins.push(transaction.origin);
  });
  return origins;
}

const speakerOf = (doc: Y.Doc) => readTranscriptDoc(doc).turns.map((turn) => turn.speakerId);

describe('mergeSpeakersInDoc', () => {
  it('reassigns every turn of the duplicates and drops them from the roster, in one transaction with the origin', () => {
    const doc = hearing(30);
    const origins = recordTransactions(doc);
    const origin = { name: 'merge' };
    expect(mergeSpeakersInDoc(doc, 's1', ['s2', 's3'], origin)).toBe(20);
    expect(origins).toEqual([origin]);
    expect(new Set(speakerOf(doc))).toEqual(new Set(['s1']));
    expect([...doc.getMap(speakersKey).keys()]).toEqual(['s1']);
    expect(readTranscriptDoc(doc).notes).toHaveLength(1);
  });

  it('is reverted as one step by an undo manager tracking its origin', () => {
    const doc = hearing();
    const origin = { name: 'merge' };
    const undo = new Y.UndoManager([doc.get(contentKey, Y.XmlText), doc.getMap(speakersKey)], { trackedOrigins: new Set([origin]) });
    const before = readTranscriptDoc(doc);
    mergeSpeakersInDoc(doc, 's1', ['s2'], origin);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readTranscriptDoc(doc)).toEqual(before);
    undo.redo();
    expect(speakerOf(doc)).toEqual(['s1', 's1', 's3', 's1', 's1', 's3']);
  });

  it('checks every id before writing anything', () => {
    const doc = hearing();
    const origins = recordTransactions(doc);
    expect(() => mergeSpeakersInDoc(doc, 's1', ['s2', 'ghost'])).toThrow(/no speaker "ghost"/);
    expect(() => mergeSpeakersInDoc(doc, 'ghost', ['s2'])).toThrow(/no speaker "ghost"/);
    expect(() => mergeSpeakersInDoc(doc, 's1', ['s1'])).toThrow(/at least one other speaker/);
    expect(origins).toEqual([]);
    expect(speakerOf(doc)).toEqual(['s1', 's2', 's3', 's1', 's2', 's3']);
  });
});

describe('updateSpeakerInDoc', () => {
  it('renames once in the roster, keeps the label, clears with null, and writes nothing for no change', () => {
    const doc = hearing();
    const origins = recordTransactions(doc);
    expect(updateSpeakerInDoc(doc, 's2', { displayName: 'Manon van Tienhoven', affiliation: 'GFCE' }, 'me')).toMatchObject({ label: 'MANON VAN TIEHOVEN', displayName: 'Manon van Tienhoven', role: 'Chair', affiliation: 'GFCE' });
    updateSpeakerInDoc(doc, 's2', { role: null });
    expect(readTranscriptDoc(doc).speakers.find((speaker) => speaker.id === 's2')).toMatchObject({ role: null, affiliation: 'GFCE' });
    updateSpeakerInDoc(doc, 's2', { displayName: 'Manon van Tienhoven' });
    expect(origins).toEqual(['me', null]);
  });

  it('refuses unknown speakers and bad input', () => {
    const doc = hearing();
    expect(() => updateSpeakerInDoc(doc, 'nobody', { displayName: 'X' })).toThrow(/no speaker "nobody"/);
    expect(() => updateSpeakerInDoc(doc, 's1', { displayName: '   ' })).toThrow(/displayName/);
    expect(() => updateSpeakerInDoc(doc, 's1', { displayName: 'x'.repeat(201) })).toThrow(/displayName/);
    expect(() => updateSpeakerInDoc(doc, 's1', {})).toThrow(/give displayName/);
    expect(() => updateSpeakerInDoc(doc, 's1', { role: 7 } as never)).toThrow(/role/);
  });
});

describe('addSpeakerToDoc', () => {
  it('adds a whole speaker under its id and refuses a taken id or a blank name', () => {
    const doc = hearing();
    expect(addSpeakerToDoc(doc, { id: 'new-1', displayName: '  Kaja  ' }, 'me')).toEqual({ id: 'new-1', label: 'Kaja', displayName: 'Kaja', role: null, affiliation: null, isGeneric: false });
    expect(readTranscriptDoc(doc).speakers.map((speaker) => speaker.id)).toContain('new-1');
    expect(() => addSpeakerToDoc(doc, { id: 's1', displayName: 'Again' })).toThrow(/already has a speaker/);
    expect(() => addSpeakerToDoc(doc, { id: 'new-2', displayName: ' ' })).toThrow(/needs a name/);
  });
});
