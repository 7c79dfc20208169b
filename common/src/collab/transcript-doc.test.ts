import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasSeeds, readFixture, readSeed, seedsDir } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import { blocksToTranscript, transcriptToBlocks } from './transcript-blocks.ts';
import { createTranscriptDoc, hasUnbindableContent, readTranscriptBlocks, readTranscriptDoc } from './transcript-doc.ts';
import { contentKey } from './transcript-nodes.ts';

if (!hasSeeds) console.warn(`Seed round-trip tests skipped: ${seedsDir} is missing.`);

/** Through the blocks, and through a Y.Doc that is encoded and decoded into a fresh replica. */
function expectLosslessRoundTrip(transcript: Transcript): void {
  expect(blocksToTranscript(transcriptToBlocks(transcript), transcript.speakers, transcript.metadata)).toEqual(transcript);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(createTranscriptDoc(transcript)));
  expect(readTranscriptDoc(replica)).toEqual(transcript);
}

const fixtures = ['sample.txt', 'sample.srt', 'sample.vtt', 'cart-variants.txt'];

describe('transcript ↔ live document', () => {
  it.each(fixtures)('round-trips fixture %s losslessly', (name) => {
    expectLosslessRoundTrip(parseTranscript(readFixture(name), { fileName: name }));
  });

  it.skipIf(!hasSeeds).each(['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt'])('round-trips seed %s losslessly', (name) => {
    const transcript = parseTranscript(readSeed(name), { fileName: name });
    expect(transcript.turns.length).toBeGreaterThan(30);
    expectLosslessRoundTrip(transcript);
  });

  const handMade = transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: { title: 'Hand-made' },
    speakers: [
      { id: 's2', label: 'BOB', displayName: 'Bob' },
      { id: 's10', label: 'CAROL', displayName: 'Carol' },
      { id: 's1', label: 'ALICE', displayName: 'Alice', isGeneric: false },
    ],
    turns: [
      {
        id: 't1',
        speakerId: 's1',
        start: 1.5,
        end: 3,
        content: [
          { type: 'event', label: 'Laughter', raw: '[ Laughter ]' },
          { type: 'text', text: 'So, the\nnext point ' },
          { type: 'uncertain', text: '', marker: '(?)' },
          { type: 'text', text: ' and ' },
          { type: 'uncertain', text: 'Kuala Lumpur', marker: '(?)' },
          { type: 'event', label: 'Applause', raw: '[Applause]' },
          { type: 'event', label: 'Laughter', raw: '[ Laughter ]' },
        ],
      },
      { id: 't2', speakerId: null, content: [] },
    ],
    notes: [
      { id: 'n0', afterTurnId: null, text: 'Opening.' },
      { id: 'n1', afterTurnId: 't2', text: 'Adjourned.' },
      { id: 'n2', afterTurnId: 't2', text: '(End.)' },
    ],
  });

  it('keeps events, uncertain words, marker-only spans, notes and timings; speakers in natural id order', () => {
    const sorted = { ...handMade, speakers: ['s1', 's2', 's10'].map((id) => handMade.speakers.find((speaker) => speaker.id === id)!) };
    expect(blocksToTranscript(transcriptToBlocks(sorted), sorted.speakers, sorted.metadata)).toEqual(sorted);
    expect(readTranscriptDoc(createTranscriptDoc(handMade))).toEqual(sorted);
  });

  it('produces blocks in Slate normal form, notes after their turn', () => {
    const blocks = transcriptToBlocks(handMade);
    expect(blocks.map((block) => `${block.type}:${block.id}`)).toEqual(['note:n0', 'turn:t1', 'turn:t2', 'note:n1', 'note:n2']);
    const [, first, second] = blocks;
    expect(first!.children[0]).toEqual({ text: '' });
    expect(first!.children[1]).toMatchObject({ type: 'event', label: 'Laughter', children: [{ text: '' }] });
    expect(first!.children[3]).toEqual({ text: '(?)', uncertain: '(?)', isMarkerOnly: true });
    expect(first!.children.at(-1)).toEqual({ text: '' });
    expect(second!.children).toEqual([{ text: '' }]);
  });

  it('reads blocks the way @slate-yjs presents them', () => {
    const blocks = readTranscriptBlocks(createTranscriptDoc(handMade));
    expect(blocks[1]).toMatchObject({ type: 'turn', id: 't1', speakerId: 's1', start: 1.5, end: 3 });
    expect(blocks[2]).toMatchObject({ type: 'turn', id: 't2', speakerId: null, start: null, end: null });
  });

  it('tolerates live edits: a dropped speaker, a typed-into marker, split leaves, empty notes', () => {
    const transcript = blocksToTranscript(
      [
        {
          type: 'turn',
          id: 't1',
          speakerId: 'gone',
          start: null,
          end: null,
          children: [{ text: 'Hel' }, { text: 'lo ' }, { text: '(?)now', uncertain: '(?)', isMarkerOnly: true }],
        },
        { type: 'note', id: 'n1', children: [{ text: '' }] },
      ],
      [],
      handMade.metadata,
    );
    expect(transcript.turns).toEqual([
      { id: 't1', speakerId: null, start: null, end: null, content: [{ type: 'text', text: 'Hello ' }, { type: 'uncertain', text: '(?)now', marker: '(?)' }] },
    ]);
    expect(transcript.notes).toEqual([]);
  });
});

describe('reading a stored document totally', () => {
  it('returns a valid transcript whatever the document holds', () => {
    const doc = createTranscriptDoc(transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: { title: 'T' }, speakers: [{ id: 's1', label: 'A', displayName: 'A' }], turns: [{ id: 't1', speakerId: 's1', content: [{ type: 'text', text: 'Hi.' }] }] }));
    const root = doc.get('content', Y.XmlText);
    doc.transact(() => {
      root.insertEmbed(0, new Y.Map());
      root.insert(0, 'stray');
      const twin = new Y.XmlText();
      root.insertEmbed(root.length, twin);
      for (const [key, value] of Object.entries({ type: 'turn', id: 't1', start: 5, end: 2, speakerId: 42 })) twin.setAttribute(key, value as never);
      twin.insert(0, 'Twin', { uncertain: { evil: true } });
      twin.insertEmbed(0, new Y.Array());
      doc.getMap('speakers').set('s2', { id: 's1', label: 'Dup', displayName: 'Dup' });
      doc.getMap('metadata').set('title', 42);
    });
    const transcript = readTranscriptDoc(doc);
    expect(transcriptSchema.safeParse(transcript).success).toBe(true);
    expect(transcript.turns.map((turn) => [turn.id, turn.speakerId, turn.start, turn.end])).toEqual([['t1', 's1', null, null], ['t1-1', null, 5, null]]);
    expect(transcript.turns[1]!.content).toEqual([{ type: 'text', text: 'Twin' }]);
    expect(transcript.speakers.map((speaker) => speaker.label)).toEqual(['A']);
    expect(transcript.metadata.title).toBeNull();
  });
});

describe('hasUnbindableContent', () => {
  /** The definition it must agree with: every delta insert a string, or an XmlText at most 3 deep. */
  const byDelta = (doc: Y.Doc): boolean => {
    const isBindable = (text: Y.XmlText, depth: number): boolean =>
      (text.toDelta() as { insert: unknown }[]).every(({ insert }) => typeof insert === 'string' || (insert instanceof Y.XmlText && depth < 3 && isBindable(insert, depth + 1)));
    return !isBindable(doc.get(contentKey, Y.XmlText), 0);
  };
  const withBlock = (fill: (block: Y.XmlText) => void): Y.Doc => {
    const doc = new Y.Doc();
    const block = new Y.XmlText();
    doc.get(contentKey, Y.XmlText).insertEmbed(0, block, {});
    fill(block);
    return doc;
  };
  const nested = (depth: number) => {
    const root = new Y.XmlText();
    let parent = root;
    for (let level = 0; level < depth; level++) {
      const child = new Y.XmlText();
      parent.insertEmbed(0, child);
      parent = child;
    }
    return root;
  };

  it('agrees with the delta on transcripts, embeds, other types, deep nesting and deleted content', () => {
    const cases: [string, Y.Doc, boolean][] = [
      ['a transcript with events and uncertain words', createTranscriptDoc(transcriptSchema.parse({ schema: 'verity.transcript/1', metadata: {}, speakers: [], turns: [{ id: 't1', content: [{ type: 'text', text: 'Hi ' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]' }, { type: 'uncertain', text: 'GAC', marker: '(?)' }] }] })), false],
      ['formatted text', withBlock((block) => block.insert(0, 'words', { uncertain: '(?)' })), false],
      ['an embedded object', withBlock((block) => block.insertEmbed(0, { image: 'x' })), true],
      ['an embedded map', withBlock((block) => block.insertEmbed(0, new Y.Map())), true],
      ['text nested 2 deep', withBlock((block) => block.insertEmbed(0, nested(1))), false],
      ['text nested 4 deep', withBlock((block) => block.insertEmbed(0, nested(3))), true],
      ['a deleted embed', withBlock((block) => {
        block.insert(0, 'kept');
        block.insertEmbed(4, { image: 'x' });
        block.delete(4, 1);
      }), false],
    ];
    for (const [name, doc, isUnbindable] of cases) {
      expect([name, hasUnbindableContent(doc)]).toEqual([name, isUnbindable]);
      expect([name, hasUnbindableContent(doc)]).toEqual([name, byDelta(doc)]);
    }
  });
});
