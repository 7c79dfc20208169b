import { describe, expect, it } from 'vitest';
import type { TranscriptInput } from '../transcript/transcript.schema.ts';
import { parseTranscript } from './parse-transcript.ts';
import { serializeTranscriptJson } from './serialize-transcript-json.ts';

const minimal: TranscriptInput = {
  schema: 'verity.transcript/1',
  metadata: { title: 'Demo' },
  speakers: [{ id: 's1', label: 'MODERATOR', displayName: 'Moderator', role: 'moderator', isGeneric: true }],
  turns: [
    { id: 't1', speakerId: 's1', start: 1.5, end: 3, content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'all.' }] },
    { id: 't2', content: [{ type: 'uncertain', text: '', marker: '(?)' }, { type: 'event', label: 'Laughter', raw: '[ Laughter ]' }] },
  ],
};

describe('Verity JSON', () => {
  it('fills defaults, merges adjacent text and round-trips losslessly', () => {
    const transcript = parseTranscript(JSON.stringify(minimal), { fileName: 'ignored.json' });
    expect(transcript.metadata).toMatchObject({ title: 'Demo', venue: null, sourceFileName: null });
    expect(transcript.turns[0]?.content).toEqual([{ type: 'text', text: 'Hello all.' }]);
    expect(transcript.turns[1]).toMatchObject({ speakerId: null, start: null, end: null });
    expect(transcript.notes).toEqual([]);
    expect(parseTranscript(serializeTranscriptJson(transcript))).toEqual(transcript);
  });

  it('says where a document fails the schema', () => {
    const dangling = { ...minimal, turns: [{ id: 't1', speakerId: 's9', content: [] }] };
    expect(() => parseTranscript(JSON.stringify(dangling))).toThrow(expect.objectContaining({ code: 'malformed_file', message: 'The Verity transcript is invalid at turns.0.speakerId: unknown speaker "s9".' }));
    const badSegment = { ...minimal, turns: [{ id: 't1', content: [{ type: 'sound', text: 'x' }] }] };
    expect(() => parseTranscript(JSON.stringify(badSegment))).toThrow(/invalid at turns\.0\.content\.0/);
    const duplicate = { ...minimal, turns: [{ id: 't1', content: [] }, { id: 't1', content: [] }] };
    expect(() => parseTranscript(JSON.stringify(duplicate))).toThrow(/duplicate turn id "t1"/);
  });

  it('refuses ids that are not of the one id shape, saying where', () => {
    const withTurnId = (id: string) => ({ ...minimal, turns: [{ id, content: [] }] });
    for (const id of ['<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '# t1', 't 1', '-t1', 'x'.repeat(65), 't1\n', 'é1']) {
      expect(() => parseTranscript(JSON.stringify(withTurnId(id)))).toThrow(expect.objectContaining({ code: 'malformed_file', message: expect.stringMatching(/^The Verity transcript is invalid at turns\.0\.id: ".*" is not an id; ids are 1 to 64 letters/) }));
    }
    const badSpeaker = { ...minimal, speakers: [{ id: 's<1>', label: 'X', displayName: 'X' }], turns: [] };
    expect(() => parseTranscript(JSON.stringify(badSpeaker))).toThrow(/invalid at speakers\.0\.id: "s<1>"/);
    const badNote = { ...minimal, notes: [{ id: 'n_1', text: 'ok' }, { id: 'n`2`', text: 'x' }] };
    expect(() => parseTranscript(JSON.stringify(badNote))).toThrow(/invalid at notes\.1\.id/);
    for (const id of ['t1', 'T_2', '0-a', 'a'.repeat(64), '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e']) expect(parseTranscript(JSON.stringify(withTurnId(id))).turns[0]?.id).toBe(id);
  });

  it('refuses JSON that is broken, foreign or from another schema version', () => {
    expect(() => parseTranscript('{"schema": ')).toThrow(expect.objectContaining({ code: 'malformed_file', message: expect.stringMatching(/^The file is not valid JSON/) }));
    expect(() => parseTranscript('{"name": "x"}')).toThrow(expect.objectContaining({ code: 'unsupported_format' }));
    expect(() => parseTranscript('{"schema": "verity.transcript/2"}')).toThrow(/reads "verity.transcript\/1"/);
  });
});
