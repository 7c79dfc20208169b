import { describe, expect, it } from 'vitest';
import { transcriptSchema, type Transcript } from '../transcript/transcript.schema.ts';
import { compareTranscripts } from './compare-transcripts.ts';
import { describeRepeatedReplacements } from './describe-replacements.ts';

const transcript = (texts: string[]): Transcript =>
  transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: {},
    speakers: [],
    turns: texts.map((text, index) => ({ id: `t${index + 1}`, speakerId: null, start: null, end: null, content: [{ type: 'text', text }] })),
    notes: [],
  });

describe('describeRepeatedReplacements', () => {
  it('reads the same replacement across turns (punctuation attached or not) as one phrase', () => {
    const before = transcript(['The GAC met.', 'Ask the GAC, GAC staff', 'Nothing here', 'The GAC.', 'Other words']);
    const after = transcript(['The GFCE met.', 'Ask the GFCE, GFCE staff', 'Nothing here', 'The GFCE.', 'Other text']);
    const { phrases, grouped } = describeRepeatedReplacements(compareTranscripts(before, after).changes);
    expect(phrases).toEqual(['replaced ‘GAC’ with ‘GFCE’, 4 times (turns 1, 2, 4)']);
    expect([...grouped].map((change) => change.turnId)).toEqual(['t1', 't2', 't4']);
  });

  it('leaves a single replacement and mixed turns to the per-turn phrases', () => {
    const before = transcript(['The GAC met.', 'The GAC and Kaspar']);
    const after = transcript(['The GFCE met.', 'The GFCE and Caspar']);
    expect(describeRepeatedReplacements(compareTranscripts(before, after).changes)).toEqual({ phrases: [], grouped: new Set() });
  });
});
