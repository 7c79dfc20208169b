import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import { countOpenIssues } from './count-open-issues.ts';
import { queueItemKeyPattern, recordResolutionRequestSchema } from '../api/queue.schemas.ts';
import { countOpenItems, listOpenItems, toItemKeyPart } from './list-open-items.ts';

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

  it('places glossary hits and open comments in reading order, leaves dismissed keys out, and counts each kind', () => {
    const transcript = transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: {},
      speakers: [{ id: 's1', label: 'ADA', displayName: 'Ada' }],
      turns: [
        { id: 't1', speakerId: 's1', start: null, end: null, content: [{ type: 'text', text: 'The GAC met.' }] },
        { id: 't2', speakerId: null, start: null, end: null, content: [{ type: 'uncertain', text: 'know Cus', marker: '(?)' }] },
      ],
      notes: [],
    });
    const glossaryKey = 'glossary\u0000t2\u0000know cus\u00000';
    const extras = {
      glossaryHits: [{ key: glossaryKey, turnId: 't2', label: 'know Cus → consensus' }, { key: 'glossary\u0000t1\u0000gac\u00000', turnId: 't1', label: 'GAC → GFCE' }, { key: 'gone', turnId: 't9', label: 'x' }],
      comments: [{ id: 'c-lost', turnId: null, label: 'Words deleted' }, { id: 'c1', turnId: 't1', label: 'Check the name' }, { id: 'c-moved', turnId: 't7', label: 'Turn deleted' }],
    };
    const items = listOpenItems(transcript, extras);
    expect(items.map(({ kind, turnNumber, label }) => `${turnNumber} ${kind} ${label}`)).toEqual([
      '1 glossary GAC → GFCE',
      '1 comment Check the name',
      '2 unattributed know Cus(?)',
      '2 uncertain know Cus (?)',
      '2 glossary know Cus → consensus',
      'null comment Words deleted',
      'null comment Turn deleted',
    ]);
    expect(countOpenItems(items)).toEqual({ uncertain: 1, unattributed: 1, duplicateSpeaker: 0, glossary: 2, comment: 3 });
    // Every key is one the server stores (the glossary key's NULs and spaces are encoded), and stays the same.
    for (const item of items) {
      expect(item.key).toMatch(queueItemKeyPattern);
      expect(recordResolutionRequestSchema.safeParse({ itemKey: item.key, kind: item.kind, action: item.kind === 'comment' ? 'commentResolved' : item.kind === 'glossary' ? 'ignored' : item.kind === 'uncertain' ? 'confirmed' : 'speakerApplied', label: item.label }).success).toBe(true);
    }
    expect(items.find((item) => item.sourceId === glossaryKey)?.key).toBe(listOpenItems(transcript, extras).find((item) => item.sourceId === glossaryKey)?.key);
    const dismissed = new Set([items[0]!.key, 'comment:c-lost']);
    expect(listOpenItems(transcript, extras, dismissed).map((item) => item.label)).not.toContain('GAC → GFCE');
    expect(listOpenItems(transcript, extras, dismissed)).toHaveLength(items.length - 2);
  });

  it('an ignored glossary hit stays ignored when an earlier one of the same words in its turn is fixed', () => {
    const transcript = transcriptSchema.parse({
      schema: 'verity.transcript/1',
      metadata: {},
      speakers: [],
      turns: [{ id: 't1', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'GAC and GAC.' }] }],
      notes: [],
    });
    const hit = (occurrence: number) => ({ key: `glossary\u0000t1\u0000gac\u0000${occurrence}`, turnId: 't1', label: 'GAC → GFCE', text: 'GAC' });
    const second = listOpenItems(transcript, { glossaryHits: [hit(0), hit(1)] })[2]!;
    expect(second.dismissKey).toMatch(queueItemKeyPattern);
    const dismissed = new Set([second.dismissKey!]);
    // The first is fixed: the ignored one is now occurrence 0, and still hidden.
    expect(listOpenItems(transcript, { glossaryHits: [hit(0)] }, dismissed).filter((item) => item.kind === 'glossary')).toEqual([]);
    expect(listOpenItems(transcript, { glossaryHits: [{ ...hit(0), text: 'Gac' }] }, dismissed).filter((item) => item.kind === 'glossary')).toEqual([]);
  });

  it('keeps long or odd producer ids within the key pattern, distinct', () => {
    const long = toItemKeyPart('x'.repeat(5000));
    const other = toItemKeyPart(`${'x'.repeat(4999)}y`);
    expect(long.length).toBeLessThanOrEqual(280);
    expect(long).not.toBe(other);
    expect(`glossary:${long}`).toMatch(queueItemKeyPattern);
    expect(`glossary:${toItemKeyPart("a'b (c)! * é\u0000")}`).toMatch(queueItemKeyPattern);
    expect(toItemKeyPart('s1', 's2')).toBe('s1:s2');
  });

  it('refuses forged resolution requests: bad keys, a kind that does not match, an action that does not fit', () => {
    const ok = { itemKey: 'unattributed:t1', kind: 'unattributed', action: 'speakerApplied', label: 'Turn 1' };
    expect(recordResolutionRequestSchema.safeParse(ok).success).toBe(true);
    for (const forged of [
      { ...ok, itemKey: 'unattributed:t1 OR 1=1' },
      { ...ok, itemKey: `unattributed:${'a'.repeat(300)}` },
      { ...ok, itemKey: 'uncertain:t1:0' },
      { ...ok, action: 'merged' },
      { ...ok, kind: 'other' },
      { ...ok, label: '' },
      { ...ok, label: 'x'.repeat(201) },
      { ...ok, itemKey: 42 },
    ]) {
      expect(recordResolutionRequestSchema.safeParse(forged).success, JSON.stringify(forged).slice(0, 80)).toBe(false);
    }
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
