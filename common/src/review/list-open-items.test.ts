import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import { countOpenIssues } from './count-open-issues.ts';
import { listOpenItems } from './list-open-items.ts';

describe('listOpenItems', () => {
  it('lists uncertain spans, unattributed turns and probable duplicate speakers with where they are', () => {
    const transcript = transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: {},
      speakers: [
        { id: 's1', label: 'MANON VAN TIEHOVEN', displayName: 'Manon van Tiehoven' },
        { id: 's2', label: 'MANON VAN TIEHOVE', displayName: 'Manon van Tiehove' },
      ],
      turns: [
        { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'The ' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }, { type: 'uncertain', text: '', marker: '[inaudible]' }] },
        { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Thank you.' }] },
        { id: 't3', speakerId: 's2', start: null, end: null, content: [{ type: 'text', text: 'Yes.' }] },
      ],
      notes: [],
    });
    const items = listOpenItems(transcript);
    expect(items.map(({ kind, turnNumber, uncertainIndex, label }) => ({ kind, turnNumber, uncertainIndex, label: label.slice(0, 20) }))).toEqual([
      { kind: 'uncertain', turnNumber: 1, uncertainIndex: 0, label: 'GAC (?)' },
      { kind: 'uncertain', turnNumber: 1, uncertainIndex: 1, label: '[inaudible]' },
      { kind: 'unattributed', turnNumber: 2, uncertainIndex: null, label: 'Thank you.' },
      { kind: 'duplicateSpeaker', turnNumber: 3, uncertainIndex: null, label: '“MANON VAN TIEHOVEN”' },
    ]);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it.skipIf(!hasSeeds)('on seed 000 counts what approval counts, plus the two MANON labels', () => {
    const transcript = parseTranscript(readSeed('000_4888b5e5729f2cf0.txt'), { fileName: '000.txt' });
    const items = listOpenItems(transcript);
    const issues = countOpenIssues(transcript);
    expect(items.filter((item) => item.kind === 'unattributed')).toHaveLength(issues.unattributedTurns);
    expect(items.filter((item) => item.kind === 'uncertain')).toHaveLength(issues.uncertainSpans);
    expect(items.filter((item) => item.kind === 'duplicateSpeaker').map((item) => item.label).join()).toContain('MANON');
  });
});
