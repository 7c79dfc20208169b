import { describe, expect, it } from 'vitest';
import { describeProcessing } from './describe-processing.ts';

describe('describeProcessing', () => {
  it('names each step, with its percent when it has one', () => {
    expect(describeProcessing(null)).toBe('Checking the recording…');
    expect(describeProcessing({ step: 'checking', percent: null })).toBe('Checking the recording…');
    expect(describeProcessing({ step: 'peaks', percent: 40 })).toBe('Reading the waveform… 40%');
    expect(describeProcessing({ step: 'transcoding', percent: 70 })).toBe('Making a playable copy… 70%');
    expect(describeProcessing({ step: 'peaks', percent: 0 })).toBe('Reading the waveform… 0%');
  });
});
