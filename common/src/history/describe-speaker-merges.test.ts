import { describe, expect, it } from 'vitest';
import { transcriptSchema, type Speaker, type Transcript } from '../transcript/transcript.schema.ts';
import { compareTranscripts } from './compare-transcripts.ts';
import { describeSpeakerMerges } from './describe-speaker-merges.ts';

const roster: Speaker[] = [
  { id: 's1', label: 'MANON VAN TIENHOVEN', displayName: 'MANON VAN TIENHOVEN', role: null, affiliation: null, isGeneric: false },
  { id: 's2', label: 'MANON VAN TIEHOVEN', displayName: 'MANON VAN TIEHOVEN', role: null, affiliation: null, isGeneric: false },
  { id: 's3', label: 'MODERATOR', displayName: 'MODERATOR', role: null, affiliation: null, isGeneric: false },
];
const transcript = (speakers: Speaker[], turns: [string | null, string][]): Transcript =>
  transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: {},
    speakers,
    turns: turns.map(([speakerId, text], index) => ({ id: `t${index + 1}`, speakerId, start: null, end: null, content: [{ type: 'text', text }] })),
    notes: [],
  });
const before = transcript(roster, [['s1', 'One.'], ['s2', 'Two.'], ['s3', 'Three.'], ['s2', 'Four.']]);

describe('describeSpeakerMerges', () => {
  it('reads a merge as one phrase naming both speakers and the turns moved', () => {
    const after = transcript([roster[0]!, roster[2]!], [['s1', 'One.'], ['s1', 'Two.'], ['s3', 'Three.'], ['s1', 'Four.']]);
    const { phrases, merged, grouped } = describeSpeakerMerges(compareTranscripts(before, after).changes, [roster[1]!]);
    expect(phrases).toEqual(['merged speaker ‘MANON VAN TIEHOVEN’ into ‘MANON VAN TIENHOVEN’ (2 turns)']);
    expect(merged).toEqual(new Set(['s2']));
    expect([...grouped].map((change) => change.turnId)).toEqual(['t2', 't4']);
  });

  it('is no merge when the turns went to different speakers or a turn changed more than its speaker', () => {
    const scattered = transcript([roster[0]!, roster[2]!], [['s1', 'One.'], ['s1', 'Two.'], ['s3', 'Three.'], ['s3', 'Four.']]);
    expect(describeSpeakerMerges(compareTranscripts(before, scattered).changes, [roster[1]!]).phrases).toEqual([]);
    const edited = transcript([roster[0]!, roster[2]!], [['s1', 'One.'], ['s1', 'Two words.'], ['s3', 'Three.'], ['s1', 'Four.']]);
    expect(describeSpeakerMerges(compareTranscripts(before, edited).changes, [roster[1]!]).phrases).toEqual([]);
  });
});
