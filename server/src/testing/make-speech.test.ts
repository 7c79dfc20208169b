import { describe, expect, it } from 'vitest';
import { makeSpeechWav, requireSpeechTools, speechFixture, speechToolsMissing } from './make-speech.ts';

describe('makeSpeechWav', () => {
  it('speaks the fixture: two phrases of a few seconds around a silence of the asked length', async () => {
    const { wav, layout } = await makeSpeechWav({ gapSeconds: 1.2 });
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(layout.phrases.map((phrase) => phrase.text)).toEqual([...speechFixture]);
    for (const phrase of layout.phrases) expect(phrase.endMs - phrase.startMs).toBeGreaterThan(1_500);
    expect(layout.gap).toEqual({ startMs: layout.phrases[0]!.endMs, endMs: layout.phrases[0]!.endMs + 1_200 });
    expect(Math.abs(layout.durationMs - layout.phrases[1]!.endMs)).toBeLessThanOrEqual(2);
  });

  it('fails, never skips, with the packages to install when the tools cannot be found', async () => {
    expect(speechToolsMissing(['espeak-ng'])).toMatch(/espeak-ng is missing[\s\S]*apt-get install espeak-ng sox/);
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requireSpeechTools()).toThrow(/espeak-ng and sox are missing[\s\S]*apt-get install espeak-ng sox/);
      await expect(makeSpeechWav()).rejects.toThrow(/apt-get install espeak-ng sox/);
    } finally {
      process.env.PATH = path;
    }
  });
});
