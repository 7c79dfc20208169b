import { describe, expect, it } from 'vitest';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import { readFixture } from './fixtures/read-fixture.ts';
import { parseCart } from './parse-cart.ts';
import { parseTranscript } from './parse-transcript.ts';
import { serializeTranscriptJson } from './serialize-transcript-json.ts';

describe('parseCart on the variants fixture', () => {
  const transcript = parseTranscript(readFixture('cart-variants.txt'), { fileName: 'cart-variants.txt' });
  const texts = transcript.turns.map(turnPlainText);

  it('reads named, lower-case, repeated and bare ">>" turns, indented or not', () => {
    expect(transcript.turns.map((turn) => turn.speakerId)).toEqual(['s1', 's2', null, 's2', null, 's1']);
    expect(transcript.speakers.map((speaker) => [speaker.label, speaker.displayName, speaker.isGeneric])).toEqual([
      ['CHAIR', 'Chair', true],
      ['Ana de la Cruz', 'Ana de la Cruz', false],
    ]);
  });

  it('keeps paragraphs, curly quotes and NBSP, and starts a turn at ">>" without a blank line', () => {
    expect(texts[0]).toBe('Good morning.\u00a0 Let\u2019s begin.');
    expect(texts[1]).toBe('Thank you, Chair.\u00a0 I\u2019m glad to be here.\nAs I said \u201cyesterday\u201d, captions matter.');
    expect(texts[2]).toBe('So a question from me (?) about the budget.');
    expect(texts[4]).toBe('Words on the next line after a bare mark.');
  });

  it('parses uncertainty markers and events, own-line events framed by "\\n"', () => {
    expect(transcript.turns[3]?.content).toEqual([
      { type: 'text', text: 'The budget is ' },
      { type: 'uncertain', text: 'Kaspar', marker: '(?)' },
      { type: 'text', text: ' approved ' },
      { type: 'uncertain', text: '', marker: '[inaudible]' },
      { type: 'text', text: ' last week.\n' },
      { type: 'event', label: 'Laughter', raw: '[\u00a0Laughter\u00a0]' },
      { type: 'text', text: '\nRight, and ' },
      { type: 'event', label: 'Applause', raw: '[ Applause ]' },
      { type: 'text', text: ' the rest follows.' },
    ]);
  });

  it('separates header, notes and footer from the turns', () => {
    expect(transcript.notes.map((note) => note.text)).toEqual(['Adjourned.', '(The session concluded at 12:00.)']);
    expect(transcript.metadata).toMatchObject({
      title: 'WS12 Captioning for Everyone',
      venue: 'Room 5, Berlin, Germany',
      date: '2019-11-26',
      sourceFileName: 'cart-variants.txt',
      footer: 'Contact Information\n\nUnited Nations\nigf [at] un [dot] org',
    });
    expect(transcript.metadata.header).toMatch(/^You are here\n\nIGF 2019/);
  });

  it('round-trips through Verity JSON', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});

describe('parseCart edge cases', () => {
  it('starts an unattributed turn for words after a stage note', () => {
    const transcript = parseCart('>> A B: Hi.\n\n(Break.)\n\nWelcome back.');
    expect(transcript.turns.map(turnPlainText)).toEqual(['Hi.', 'Welcome back.']);
    expect(transcript.turns[1]?.speakerId).toBeNull();
    expect(transcript.notes).toEqual([{ id: 'n1', afterTurnId: 't1', text: '(Break.)' }]);
  });

  it('splits several ">>" turns written on one line', () => {
    const transcript = parseCart('>> MODERATOR: Thank you. >> Thanks a lot. >> LEA: Yes.');
    expect(transcript.turns.map(turnPlainText)).toEqual(['Thank you.', 'Thanks a lot.', 'Yes.']);
  });

  it('does not take a sentence or a clock time for a speaker label', () => {
    const transcript = parseCart('>> So the answer is: yes.\n>> We meet at 13:10 today.');
    expect(transcript.speakers).toEqual([]);
    expect(transcript.turns.map(turnPlainText)).toEqual(['So the answer is: yes.', 'We meet at 13:10 today.']);
  });

  it('reads "NAME (Org)" as a name with an affiliation', () => {
    const transcript = parseCart('>> LEA KASPAR (Global Partners Digital): Hello.');
    expect(transcript.speakers[0]).toMatchObject({ displayName: 'Lea Kaspar', affiliation: 'Global Partners Digital' });
  });

  it('refuses text without any ">>" turn', () => {
    expect(() => parseCart('Just words.')).toThrow(/No ">>" speaker turns/);
  });
});
