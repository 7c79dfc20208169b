import { describe, expect, it } from 'vitest';
import { turnPlainText } from '../transcript/turn-plain-text.ts';
import { readFixture } from './fixtures/read-fixture.ts';
import { parseTranscript } from './parse-transcript.ts';
import { serializeTranscriptJson } from './serialize-transcript-json.ts';

describe('plain text', () => {
  const transcript = parseTranscript(readFixture('sample.txt'));

  it('starts a turn at each "Name:" line and continues it with unnamed lines', () => {
    expect(transcript.metadata.sourceFormat).toBe('text');
    expect(transcript.turns.map((turn) => [turn.speakerId, turnPlainText(turn)])).toEqual([
      [null, 'Untitled words before anyone speaks.'],
      ['s1', 'Hello there.\nThis line continues Alice.'],
      ['s2', 'Hi Alice (inaudible) thanks.'],
      ['s1', 'Back to me at a minute five.'],
    ]);
  });

  it('reads a leading timestamp as the turn start', () => {
    expect(transcript.turns[3]?.start).toBe(65);
  });

  it('round-trips through Verity JSON', () => {
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });
});
