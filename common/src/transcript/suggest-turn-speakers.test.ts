import { describe, expect, it } from 'vitest';
import { hasSeeds, readSeed } from '../formats/fixtures/read-fixture.ts';
import { parseTranscript } from '../formats/parse-transcript.ts';
import { medianMs } from '../testing/pathological-inputs.ts';
import { suggestTurnSpeakers } from './suggest-turn-speakers.ts';
import type { Speaker, Transcript, Turn } from './transcript.schema.ts';

const speaker = (id: string, label: string, displayName = label): Speaker => ({ id, label, displayName, role: null, affiliation: null, isGeneric: false });
const turn = (id: string, speakerId: string | null, text: string): Turn => ({ id, speakerId, start: null, end: null, content: [{ type: 'text', text }] });

describe('suggestTurnSpeakers', () => {
  const roster = [speaker('s1', 'CATHERINE GARCIA van HEOGSTRATEN', 'Catherine Garcia van Heogstraten'), speaker('s2', 'MODERATOR')];

  it('reads hand-offs at the end of the turn before, matching a roster speaker by first name', () => {
    const cases = [
      'Catherine, would you like to continue?',
      'Over to you, Catherine.',
      'I give the floor to Catherine.',
      'Next we have Catherine.',
      'Why don’t we start with you, Catherine with the overview.',
      'Catherine, the floor is yours.',
      'Katherine, could you pick up?',
    ];
    for (const handOff of cases) {
      const suggestions = suggestTurnSpeakers({ speakers: roster, turns: [turn('t1', 's2', `A long opening. ${handOff}`), turn('t2', null, 'Thanks. It matters.')] });
      expect(suggestions, handOff).toEqual([{ turnId: 't2', speakerId: 's1', name: 'Catherine Garcia van Heogstraten', source: 'hand-off', evidence: expect.stringContaining('atherine') }]);
    }
  });

  it('proposes a new speaker from a self-introduction, and the fuller proposed name for a misspelt thanks', () => {
    const suggestions = suggestTurnSpeakers({
      speakers: roster,
      turns: [turn('t1', null, "Hello. I'm Patrick Pavlak, I chair this."), turn('t2', null, 'Question?'), turn('t3', 's1', 'Thank you, Patryk, for the question.')],
    });
    expect(suggestions).toEqual([
      { turnId: 't1', speakerId: null, name: 'Patrick Pavlak', source: 'self-introduction', evidence: "I'm Patrick Pavlak, I chair this." },
      { turnId: 't2', speakerId: null, name: 'Patrick Pavlak', source: 'thanks', evidence: 'Thank you, Patryk' },
    ]);
  });

  it('ignores attributed turns, sentence openers, honorifics and hand-offs outside the closing words', () => {
    const suggestions = suggestTurnSpeakers({
      speakers: roster,
      turns: [
        turn('t1', 's2', `Catherine, would you like to start? ${'And then we talk at length. '.repeat(20)}`),
        turn('t2', null, 'Okay, would you all sit down. Thank you, Madam Chair.'),
        turn('t3', null, 'So, could you repeat?'),
        turn('t4', 's1', 'Thank you, Mr. Chairman.'),
      ],
    });
    expect(suggestions).toEqual([]);
  });

  it('stays linear: doubling a transcript of hand-offs and a roster of similar names at most triples the time', () => {
    const build = (count: number): Pick<Transcript, 'turns' | 'speakers'> => ({
      speakers: Array.from({ length: count }, (_value, index) => speaker(`s${index}`, `Catherine Smith${index.toString(36)}`)),
      turns: Array.from({ length: count }, (_value, index) => turn(`t${index}`, null, `${'word '.repeat(60)}Catherine Smith${index.toString(36)}, would you like to continue? Thank you, Catherine. I'm Catherine Smit${index}`)),
    });
    const [small, large] = [build(2000), build(4000)];
    const ratios: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const ratio = medianMs(() => suggestTurnSpeakers(large), 5) / medianMs(() => suggestTurnSpeakers(small), 5);
      ratios.push(ratio);
      if (ratio <= 3) break;
    }
    expect(Math.min(...ratios), ratios.join(', ')).toBeLessThanOrEqual(3);
  }, 60_000);

  it.skipIf(!hasSeeds)('on seed 000 suggests the speakers the text names, and the hand-offs agree with the turns already attributed', () => {
    const transcript = parseTranscript(readSeed('000_4888b5e5729f2cf0.txt'), { fileName: '000.txt' });
    const number = (turnId: string) => transcript.turns.findIndex((entry) => entry.id === turnId) + 1;
    const label = (speakerId: string | null) => transcript.speakers.find((entry) => entry.id === speakerId)?.label ?? null;
    const suggestions = suggestTurnSpeakers(transcript).map((entry) => ({ turn: number(entry.turnId), name: entry.name, speaker: label(entry.speakerId), source: entry.source }));
    expect(suggestions).toEqual([
      { turn: 1, name: 'Patrick Pavlak', speaker: null, source: 'self-introduction' },
      { turn: 9, name: 'Patrick Pavlak', speaker: null, source: 'thanks' },
      { turn: 14, name: 'Robert Collett', speaker: null, source: 'self-introduction' },
      { turn: 15, name: 'Patrick Pavlak', speaker: null, source: 'thanks' },
      { turn: 18, name: 'Lucie', speaker: null, source: 'self-introduction' },
      { turn: 34, name: 'Catherine Garcia van Heogstraten', speaker: 'CATHERINE GARCIA van HEOGSTRATEN', source: 'hand-off' },
    ]);
    expect(suggestTurnSpeakers(transcript).find((entry) => number(entry.turnId) === 34)?.evidence).toBe('…Catherine, do you want to pick up --');
    // Turns 2 and 6 are attributed: without their labels, the hand-offs before them name who they are.
    const blind = { ...transcript, turns: transcript.turns.map((entry) => ({ ...entry, speakerId: null })) };
    const blindSuggestions = suggestTurnSpeakers(blind);
    for (const at of [2, 6]) {
      const actual = transcript.turns[at - 1]!;
      expect(blindSuggestions.find((entry) => entry.turnId === actual.id && entry.source === 'hand-off')?.speakerId, `turn ${at}`).toBe(actual.speakerId);
    }
  });
});
