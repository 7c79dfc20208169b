import { describe, expect, it } from 'vitest';
import { transcriptSchema, type Transcript, type TranscriptInput } from '../transcript/transcript.schema.ts';
import { compareTranscripts } from './compare-transcripts.ts';
import { describeTurnChange } from './describe-turn-change.ts';

const speakers = [
  { id: 's1', label: 'PANELIST', displayName: 'Panelist' },
  { id: 's2', label: 'KAJA CIGLICA', displayName: 'Kaja Ciglica' },
];

function transcript(turns: TranscriptInput['turns'], roster = speakers): Transcript {
  return transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: {}, speakers: roster, turns });
}
const text = (id: string, words: string, speakerId: string | null = 's1') => ({ id, speakerId, content: [{ type: 'text' as const, text: words }] });

describe('compareTranscripts', () => {
  it('reports a word replacement inside a turn, with counts and a readable phrase', () => {
    const from = transcript([text('t1', 'Good morning.'), text('t2', 'The GAC met in Geneva.')]);
    const to = transcript([text('t1', 'Good morning.'), text('t2', 'The GFCE met in Geneva.')]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'changed', turnId: 't2', number: 2 });
    expect(changes[0]!.parts).toEqual([
      { type: 'equal', text: 'The' },
      { type: 'delete', text: 'GAC' },
      { type: 'insert', text: 'GFCE' },
      { type: 'equal', text: 'met in Geneva.' },
    ]);
    expect(stats).toMatchObject({ wordsReplaced: 1, wordsInserted: 0, wordsDeleted: 0, turnsAdded: 0 });
    expect(describeTurnChange(changes[0]!)).toBe('replaced ‘GAC’ with ‘GFCE’ in turn 2');
  });

  it('shows timing against a recording: a turn timed, retimed and untimed, and nothing for an unchanged time', () => {
    const timed = (id: string, words: string, start: number | null) => ({ ...text(id, words), start });
    const from = transcript([timed('t1', 'Good morning.', null), timed('t2', 'The GFCE met.', 80), timed('t3', 'Thank you.', 95), timed('t4', 'Next.', 100)]);
    const to = transcript([timed('t1', 'Good morning.', 12.4), timed('t2', 'The GFCE met.', 83), timed('t3', 'Thank you.', null), timed('t4', 'Next.', 100)]);
    const { changes } = compareTranscripts(from, to);
    expect(changes.map((change) => [change.turnId, change.isTimingChanged, change.fromStart, change.toStart])).toEqual([
      ['t1', true, null, 12.4],
      ['t2', true, 80, 83],
      ['t3', true, 95, null],
    ]);
    expect(changes.map((change) => describeTurnChange(change))).toEqual([
      'timed turn 1 at 00:00:12',
      'retimed turn 2 from 00:01:20 to 00:01:23',
      'removed the time of turn 3',
    ]);
  });

  it('makes speaker reassignments explicit', () => {
    const from = transcript([text('t1', 'Thank you.', 's1')]);
    const to = transcript([text('t1', 'Thank you.', 's2')]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes[0]).toMatchObject({ isSpeakerChanged: true, fromSpeaker: { name: 'PANELIST' }, toSpeaker: { name: 'KAJA CIGLICA' } });
    expect(stats.speakerReassignments).toBe(1);
    expect(describeTurnChange(changes[0]!)).toBe('reassigned turn 1 from PANELIST to KAJA CIGLICA');
  });

  it('reads a split as a split: the first part keeps the id, the new turn continues its tail', () => {
    const from = transcript([text('t1', 'Welcome everyone. I am Kaja and I chair today.')]);
    const to = transcript([text('t1', 'Welcome everyone.'), text('x9', 'I am Kaja and I chair today.', 's2')]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes.map((change) => [change.kind, change.turnId])).toEqual([['changed', 't1'], ['split', 'x9']]);
    expect(changes[1]).toMatchObject({ relatedTurnId: 't1', isSpeakerChanged: true, parts: [{ type: 'equal', text: 'I am Kaja and I chair today.' }] });
    expect(stats).toMatchObject({ turnsSplit: 1, turnsAdded: 0, wordsInserted: 0, wordsDeleted: 0, speakerReassignments: 1 });
  });

  it('reads a merge as a merge, with the merged words matched rather than re-inserted', () => {
    const from = transcript([text('t1', 'We will now'), text('t2', 'hear from the floor.'), text('t3', 'Thanks.')]);
    const to = transcript([text('t1', 'We will now hear from the floor.'), text('t3', 'Thanks.')]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes.map((change) => [change.kind, change.turnId])).toEqual([['changed', 't1'], ['merged', 't2']]);
    expect(stats).toMatchObject({ turnsMerged: 1, turnsRemoved: 0, wordsInserted: 0, wordsDeleted: 0 });
  });

  it('tells added and removed turns from splits and merges', () => {
    const from = transcript([text('t1', 'Alpha beta.'), text('t2', 'Gamma delta.')]);
    const to = transcript([text('t1', 'Alpha beta.'), text('n1', 'Completely new words here.')]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes.map((change) => [change.kind, change.turnId])).toEqual([['removed', 't2'], ['added', 'n1']]);
    expect(stats).toMatchObject({ turnsAdded: 1, turnsRemoved: 1, wordsInserted: 4, wordsDeleted: 2 });
  });

  it('counts uncertain spans resolved and events changed', () => {
    const from = transcript([{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'The ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]' }] }]);
    const to = transcript([{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'The GFCE' }] }]);
    const { changes, stats } = compareTranscripts(from, to);
    expect(changes[0]!.uncertainResolved).toEqual(['GAC(?)']);
    expect(changes[0]!.eventsRemoved).toEqual(['[ Laughter ]']);
    expect(stats).toMatchObject({ uncertainResolved: 1, eventsRemoved: 1 });
  });

  it('compares 40,000 words in well under a second when a few turns changed', () => {
    const words = Array.from({ length: 20 }, (_v, k) => `word${k}`).join(' ');
    const turns = Array.from({ length: 2_000 }, (_v, k) => text(`t${k}`, words));
    const from = transcript(turns);
    const edited = structuredClone(turns);
    for (let k = 0; k < 2_000; k += 100) edited[k] = text(`t${k}`, words.replace('word5', 'fixed'));
    const to = transcript(edited);
    const started = performance.now();
    const { stats } = compareTranscripts(from, to);
    const elapsed = performance.now() - started;
    expect(stats.wordsReplaced).toBe(20);
    expect(elapsed).toBeLessThan(1_000);
  });
});
