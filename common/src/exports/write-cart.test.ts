import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed, seedsDir } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { writeCart } from './write-cart.ts';
import { buildFixture, buildUntimedFixture } from './transcript.fixture.ts';

if (!hasSeeds) console.warn(`CART round-trip seed tests skipped: ${seedsDir} is missing.`);

/** What must survive CART → Verity: turns by speaker label and content, speakers, notes by place. */
function essentials(transcript: Transcript) {
  const labels = new Map(transcript.speakers.map((speaker) => [speaker.id, speaker.label]));
  return {
    turns: transcript.turns.map((turn) => ({ id: turn.id, speaker: turn.speakerId ? labels.get(turn.speakerId) : null, content: turn.content })),
    speakers: transcript.speakers.map(({ label, displayName, role, affiliation, isGeneric }) => ({ label, displayName, role, affiliation, isGeneric })),
    notes: transcript.notes.map((note) => ({ afterTurnId: note.afterTurnId, text: note.text })),
  };
}

describe('writeCart', () => {
  it('writes the header block, ">> LABEL:" turns, events and notes on their own lines', () => {
    const text = writeCart(buildFixture(), { version: 3, approvedBy: 'Ana Lopez', approvedAt: '2024-05-03T09:00:00Z', hash: 'ab'.repeat(32) });
    expect(text).toBe(
      'Title: Plenary – Day 2\nEvent: Verity Forum 2024\nVenue: Room A, Geneva\nDate: 2024-05-02\nLanguage: en\n' +
        `Version: 3\nApproved by: Ana Lopez\nApproved at: 2024-05-03T09:00:00Z\nSHA-256: ${'ab'.repeat(32)}\n\n` +
        // A note before the first turn can only stand in the header (see docs/export-formats.md).
        '(Recording started.)\n\n' +
        '>> MODERATOR: Good morning.\u00a0 Welcome to the co\u2011chair’s session.\n\n' +
        '>> ANA LOPEZ: Thanks. The GFCE Kaspar(?) said *this* [sic] costs $5 #1 <b>.\n[\u00a0Laughter\u00a0]\n- second paragraph with (inaudible).\n\n' +
        '(The session resumed at 10:05.)\n\n' +
        '>> Inline (Applause) event here.\n\n' +
        '>> ANA LOPEZ: (Kaspar?) Yes.\n\n' +
        // Unattributed words that read like a label go on the next line, where no label is looked for.
        '>>\nNote: this one reads like a label.\n\n' +
        'Adjourned.\n',
    );
  });

  it('round-trips: same turns, speakers and notes (the leading note becomes header text)', () => {
    const original = buildFixture();
    const reread = parseTranscript(writeCart(original));
    const expected = essentials(original);
    expected.notes = expected.notes.filter((note) => note.afterTurnId !== null);
    expect(essentials(reread)).toEqual(expected);
    expect(reread.metadata.header).toContain('(Recording started.)');
  });

  it('is deterministic', () => {
    expect(writeCart(buildFixture())).toBe(writeCart(buildFixture()));
  });

  it('writes nothing for an empty transcript and ">> LABEL:" for a turn without words', () => {
    const transcript = buildFixture();
    transcript.notes = [];
    transcript.metadata = { ...transcript.metadata, title: null, event: null, venue: null, date: null, language: null };
    transcript.turns = [{ ...transcript.turns[0]!, content: [] }];
    expect(writeCart(transcript)).toBe('>> MODERATOR:\n');
    transcript.turns = [];
    expect(writeCart(transcript)).toBe('');
  });
});

describe.skipIf(!hasSeeds)('writeCart on the seeds', () => {
  for (const name of ['000_4888b5e5729f2cf0.txt', '001_cf143e0f9569e927.txt']) {
    it(`round-trips ${name}: same turns (NBSP, U+2011 kept), speakers and notes`, () => {
      const original = parseTranscript(readSeed(name));
      const reread = parseTranscript(writeCart(original));
      expect(essentials(reread)).toEqual(essentials(original));
      // Metadata lives in the header, which re-imports as boilerplate: the body is identical.
      expect(writeCart(original).endsWith(writeCart(reread))).toBe(true);
    });
  }
});

describe('writeCart timecodes', () => {
  it('opens each timed turn ">> [hh:mm:ss]" when asked, and reads back to the same turns and starts', () => {
    const transcript = buildFixture();
    transcript.turns[1]!.start = 3723.9;
    const text = writeCart(transcript, { timecodes: true });
    expect(text).toContain('\n>> [01:02:03] ANA LOPEZ: Thanks.');
    // An unattributed turn whose words read like a label keeps them on the next line.
    expect(text).toContain('\n>> [00:00:16]\nNote: this one reads like a label.');
    const reread = parseTranscript(text);
    expect(reread.turns.map((turn) => turn.start)).toEqual([0, 3723, 12, 15, 16]);
    expect(reread.turns.map((turn) => turn.content)).toEqual(parseTranscript(writeCart(transcript)).turns.map((turn) => turn.content));
    expect(writeCart(transcript, { timecodes: false })).toBe(writeCart(transcript));
  });

  it('leaves untimed turns as they were, and reads a bracketed word after ">>" as words', () => {
    expect(writeCart(buildUntimedFixture(), { timecodes: true })).toBe(writeCart(buildUntimedFixture()));
    const words = parseTranscript('>> [inaudible] then words\n>> [99:99:99] not a time\n', { format: 'cart' });
    expect(words.turns.map((turn) => turn.start)).toEqual([null, null]);
    expect(JSON.stringify(words.turns[1]!.content)).toContain('[99:99:99] not a time');
  });
});
