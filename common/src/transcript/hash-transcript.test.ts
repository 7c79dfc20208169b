import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serializeTranscriptJson } from '../formats/serialize-transcript-json.ts';
import { hashTranscript } from './hash-transcript.ts';
import { transcriptSchema } from './transcript.schema.ts';

const transcript = transcriptSchema.parse({
  schema: 'verity.transcript/1',
  metadata: { title: 'Plenary', sourceFormat: 'text' },
  speakers: [{ id: 's1', label: 'ANA', displayName: 'Ana' }],
  turns: [{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'Good morning\u00a0all.' }] }],
});

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
}

describe('hashTranscript', () => {
  it('is the SHA-256 hex of the canonical Verity JSON', async () => {
    const expected = createHash('sha256').update(serializeTranscriptJson(transcript)).digest('hex');
    expect(await hashTranscript(transcript)).toBe(expected);
  });

  it('does not depend on key order, as jsonb round trips reorder keys', async () => {
    const reordered = reverseKeys(transcript);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(transcript));
    expect(await hashTranscript(reordered as typeof transcript)).toBe(await hashTranscript(transcript));
  });

  it('changes when the words change', async () => {
    const edited = structuredClone(transcript);
    edited.turns[0]!.content = [{ type: 'text', text: 'Good morning all.' }];
    expect(await hashTranscript(edited)).not.toBe(await hashTranscript(transcript));
  });
});
