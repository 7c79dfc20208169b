import { describe, expect, it } from 'vitest';
import { compareTranscripts, transcriptSchema } from '@verity/common';
import { formatComparison } from './history.commands.ts';

const speakers = [
  { id: 's1', label: 'PANELIST', displayName: 'Panelist' },
  { id: 's2', label: 'KAJA CIGLICA', displayName: 'Kaja Ciglica' },
];
const version = (text: string, speakerId: string) =>
  transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: {}, speakers, turns: [{ id: 't1', speakerId, content: [{ type: 'text', text }] }] });

describe('formatComparison', () => {
  it('prints a word diff with the speaker change, plain when not on a terminal', () => {
    const comparison = compareTranscripts(version('The GAC met.', 's1'), version('The GFCE met.', 's2'));
    expect(formatComparison(comparison, { isColor: false })).toBe('turn 1 · changed · PANELIST → KAJA CIGLICA\nThe [-GAC-] {+GFCE+} met.\n');
  });

  it('says so when nothing differs', () => {
    const same = version('Same.', 's1');
    expect(formatComparison(compareTranscripts(same, same), { isColor: false })).toBe('No differences.');
  });
});
