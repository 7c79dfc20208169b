import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { transcriptSchema } from '../../transcript/transcript.schema.ts';
import { createTranscriptDoc, readTranscriptDoc } from '../transcript-doc.ts';
import { setTurnEndInDoc, setTurnSpeakerInDoc, setTurnStartInDoc } from './turn-edits.ts';

function timed(): Y.Doc {
  return createTranscriptDoc(
    transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: { title: 'T' },
      speakers: [{ id: 's1', label: 'ADA', displayName: 'Ada' }],
      turns: [
        { id: 't1', start: 1, end: 5, content: [{ type: 'text', text: 'one' }] },
        { id: 't2', start: 6, end: 9, content: [{ type: 'text', text: 'two' }] },
      ],
      notes: [{ id: 'n1', afterTurnId: 't1', text: 'A note.' }],
    }),
  );
}
const timings = (doc: Y.Doc) => readTranscriptDoc(doc).turns.map((turn) => [turn.start, turn.end]);

describe('setTurnStartInDoc', () => {
  it('clears an end the new start would pass, keeps one after it, and clears the start with null', () => {
    const doc = timed();
    setTurnStartInDoc(doc, 't1', 7);
    setTurnStartInDoc(doc, 't2', 8);
    expect(timings(doc)).toEqual([[7, null], [8, 9]]);
    setTurnStartInDoc(doc, 't2', null);
    expect(readTranscriptDoc(doc).turns[1]).toMatchObject({ start: null, end: 9 });
  });

  it('refuses missing turns, notes and impossible times', () => {
    const doc = timed();
    expect(() => setTurnStartInDoc(doc, 'missing', 1)).toThrow('No such turn in this transcript.');
    expect(() => setTurnStartInDoc(doc, 'n1', 1)).toThrow('No such turn in this transcript.');
    for (const seconds of [-1, Number.NaN, Number.POSITIVE_INFINITY, '3' as never]) expect(() => setTurnStartInDoc(doc, 't1', seconds)).toThrow(/seconds/);
    expect(timings(doc)).toEqual([[1, 5], [6, 9]]);
  });
});

describe('setTurnEndInDoc', () => {
  it('sets or clears the end and refuses one before the start', () => {
    const doc = timed();
    setTurnEndInDoc(doc, 't1', 5.5);
    setTurnEndInDoc(doc, 't2', null);
    expect(timings(doc)).toEqual([[1, 5.5], [6, null]]);
    expect(() => setTurnEndInDoc(doc, 't2', 2)).toThrow(/cannot end before it starts/);
  });
});

describe('setTurnSpeakerInDoc', () => {
  it('attributes a turn to a roster speaker or to nobody, and refuses a speaker the roster lacks', () => {
    const doc = timed();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => transaction.changed.size > 0 && origins.push(transaction.origin));
    setTurnSpeakerInDoc(doc, 't2', 's1', 'me');
    setTurnSpeakerInDoc(doc, 't2', 's1', 'me');
    expect(readTranscriptDoc(doc).turns.map((turn) => turn.speakerId)).toEqual([null, 's1']);
    setTurnSpeakerInDoc(doc, 't2', null);
    expect(readTranscriptDoc(doc).turns[1]!.speakerId).toBeNull();
    expect(() => setTurnSpeakerInDoc(doc, 't1', 'ghost')).toThrow(/no speaker "ghost"/);
    expect(origins).toEqual(['me', null]);
  });
});
