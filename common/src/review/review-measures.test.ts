import { describe, expect, it } from 'vitest';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import { countOpenIssues, hasOpenIssues } from './count-open-issues.ts';
import { measureSpeakers } from './measure-speakers.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: {},
  speakers: [
    { id: 's1', label: 'ANA', displayName: 'Ana' },
    { id: 's2', label: 'BEN', displayName: 'Ben' },
    { id: 's3', label: 'CLEO', displayName: 'Cleo' },
  ],
  turns: [
    { id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'The ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'text', text: ' said so.' }] },
    { id: 't2', speakerId: 's2', content: [{ type: 'event', label: 'Laughter', raw: '[ Laughter ]' }, { type: 'text', text: ' Thanks.' }] },
    { id: 't3', speakerId: null, content: [{ type: 'uncertain', text: '', marker: '(inaudible)' }, { type: 'text', text: ' and more words' }] },
    { id: 't4', speakerId: 's1', content: [{ type: 'text', text: 'Yes.' }] },
  ],
});

describe('countOpenIssues', () => {
  it('counts uncertain segments (marker-only too) and unattributed turns', () => {
    expect(countOpenIssues(transcript)).toEqual({ uncertainSpans: 2, unattributedTurns: 1 });
    expect(hasOpenIssues({ uncertainSpans: 0, unattributedTurns: 0 })).toBe(false);
    expect(hasOpenIssues({ uncertainSpans: 0, unattributedTurns: 1 })).toBe(true);
  });
});

describe('measureSpeakers', () => {
  it('gives turns, spoken words and share per speaker, unattributed words in the total only', () => {
    const { speakers, totalWords } = measureSpeakers(transcript);
    expect(totalWords).toBe(4 + 1 + 3 + 1);
    expect(speakers.map(({ speaker, turns, words }) => [speaker.id, turns, words])).toEqual([
      ['s1', 2, 5],
      ['s2', 1, 1],
      ['s3', 0, 0],
    ]);
    expect(speakers[0]!.share).toBeCloseTo(5 / 9);
  });
});
