import { describe, expect, it } from 'vitest';
import { transcriptSchema } from '../transcript/transcript.schema.ts';
import type { Transcript } from '../transcript/transcript.schema.ts';
import { maxCharsPerSecond, splitIntoCues } from './split-cues.ts';
import { writeSrt } from './write-srt.ts';
import { writeVtt } from './write-vtt.ts';

type TurnInput = { speakerId?: string | null; start: number; end?: number | null; text: string };

function build(turns: TurnInput[]): Transcript {
  return transcriptSchema.parse({
    schema: 'verity.transcript/1',
    metadata: {},
    speakers: [
      { id: 'a', label: 'ANA', displayName: 'Ana' },
      { id: 'b', label: 'BEN', displayName: 'Ben <&> "B"' },
    ],
    turns: turns.map((turn, index) => ({ id: `t${index}`, speakerId: turn.speakerId === undefined ? 'a' : turn.speakerId, start: turn.start, end: turn.end ?? null, content: [{ type: 'text', text: turn.text }] })),
    notes: [],
  });
}

const cuesOf = (transcript: Transcript) => splitIntoCues(transcript, () => '');
const lorem = 'the quick brown fox jumps over the lazy dog and runs far away into the dark green forest beyond the hills';

describe('splitIntoCues', () => {
  it('keeps every cue to 2 lines of at most 42 characters, cutting only words longer than a line', () => {
    const long = 'x'.repeat(100);
    const cues = cuesOf(build([{ start: 0, end: 60, text: `${lorem} ${lorem} ${long} end` }]));
    for (const cue of cues) {
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
    }
    const words = cues.flatMap((cue) => cue.lines.join(' ').split(' '));
    // Ordinary words arrive whole; only the 100-character word is cut, into 42 + 42 + 16.
    expect(words.filter((word) => word.startsWith('x')).map((word) => word.length)).toEqual([42, 42, 16]);
    expect(words.filter((word) => !word.startsWith('x')).join(' ')).toBe(`${lorem} ${lorem} end`);
  });

  it('breaks cues after a sentence end, then ; or :, then a comma, before a plain space', () => {
    const cues = cuesOf(build([{ start: 0, end: 30, text: 'We met on Tuesday in the large hall upstairs. After that the committee agreed to publish the report' }]));
    expect(cues[0]!.lines.join(' ')).toBe('We met on Tuesday in the large hall upstairs.');
    const comma = cuesOf(build([{ start: 0, end: 30, text: 'The committee agreed after a long debate, with some reluctance and several objections to publish' }]));
    expect(comma[0]!.lines.join(' ')).toMatch(/,$/);
    // A boundary too early (less than half a cue) is not worth a short cue.
    const early = cuesOf(build([{ start: 0, end: 30, text: `Yes. ${lorem}` }]));
    expect(early[0]!.lines.join(' ').length).toBeGreaterThan(42);
    // Inside a cue the line breaks at the clause boundary when both lines fit.
    const lines = cuesOf(build([{ start: 0, end: 10, text: 'Thank you, Madam Chair; the delegation of Peru has the floor' }]));
    expect(lines[0]!.lines).toEqual(['Thank you, Madam Chair;', 'the delegation of Peru has the floor']);
    // An uncertainty marker "(?)" is not a question mark.
    const doubtful = cuesOf(build([{ start: 0, end: 10, text: 'The GFCE Kaspar(?) said this, with costs of five' }]));
    expect(doubtful[0]!.lines).toEqual(['The GFCE Kaspar(?) said this,', 'with costs of five']);
  });

  it('gives every cue 1 to 7 s', () => {
    const transcript = build([
      { start: 0, end: 0.2, text: 'Hm.' },
      { start: 10, end: 100, text: 'A slow sentence.' },
      { start: 200, text: lorem },
    ]);
    for (const cue of cuesOf(transcript)) {
      expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(1000);
      expect(cue.endMs - cue.startMs).toBeLessThanOrEqual(7000);
    }
  });

  it('holds each cue for its reading time (20 characters a second), running past the turn end but not into the next turn', () => {
    // 84 characters spoken in 1 s: the cues need over 4 s to be read; the next turn starts at 3 s.
    const text = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november';
    const roomy = cuesOf(build([{ start: 0, end: 1, text }, { start: 20, text: 'Next.' }]));
    for (const cue of roomy) expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual((cue.lines.join(' ').length * 1000) / maxCharsPerSecond - 1);
    const tight = cuesOf(build([{ start: 0, end: 1, text }, { start: 3, text: 'Next.' }]));
    const [first, second] = tight.filter((cue) => cue.turn.id === 't0');
    expect(tight.filter((cue) => cue.turn.id === 't0').at(-1)!.endMs).toBeLessThanOrEqual(3000);
    expect(first!.endMs).toBe(second?.startMs ?? first!.endMs);
    for (const cue of tight) expect(cue.endMs - cue.startMs).toBeGreaterThanOrEqual(1000);
    // Overlapping imported times are clipped: a cue never runs into the next turn.
    const overlapping = cuesOf(build([{ start: 0, end: 9, text: 'Overlap here.' }, { start: 5, end: 9, text: 'Second.' }]));
    expect(overlapping[0]!.endMs).toBe(5000);
    // More cues than seconds before the next turn: they share the time equally, no text is dropped.
    const crammed = cuesOf(build([{ start: 0, end: 1, text: `${lorem} ${lorem} ${lorem}` }, { start: 1, text: 'Next.' }]));
    expect(crammed.filter((cue) => cue.turn.id === 't0').at(-1)!.endMs).toBe(1000);
  });
});

describe('speaker changes', () => {
  it('SRT marks a new speaker with "- Name:" (or "-" unattributed) and not a second turn of the same speaker', () => {
    const srt = writeSrt(build([
      { speakerId: 'a', start: 0, end: 2, text: 'Hello.' },
      { speakerId: 'a', start: 2, end: 4, text: 'Still me.' },
      { speakerId: 'b', start: 4, end: 6, text: 'My turn.' },
      { speakerId: null, start: 6, end: 8, text: 'Someone.' },
      { speakerId: null, start: 8, end: 10, text: 'Someone else.' },
    ]));
    const texts = srt.split('\n\n').map((block) => block.split('\n').slice(2).join('\n'));
    expect(texts).toEqual(['- Ana: Hello.', 'Still me.', '- Ben <&> "B": My turn.', '- Someone.', '- Someone else.\n']);
  });

  it('WebVTT names the voice with <v Name>, escaped, on every cue of the turn', () => {
    const vtt = writeVtt(build([{ speakerId: 'b', start: 0, end: 20, text: `${lorem} ${lorem}` }]));
    const voices = vtt.split('\n').filter((line) => line.startsWith('<v'));
    expect(voices.length).toBeGreaterThan(1);
    for (const line of voices) expect(line.startsWith('<v Ben &lt;&amp;&gt; "B">')).toBe(true);
  });
});
