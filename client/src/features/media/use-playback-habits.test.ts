import { describe, expect, it } from 'vitest';
import { resumePosition } from './use-playback-habits.ts';

describe('resumePosition', () => {
  it('rewinds by the habit, never before the start', () => {
    expect(resumePosition(10, { rewindOnResumeSeconds: 2 })).toBe(8);
    expect(resumePosition(1, { rewindOnResumeSeconds: 2 })).toBe(0);
    expect(resumePosition(10, { rewindOnResumeSeconds: 0 })).toBe(10);
  });
});
