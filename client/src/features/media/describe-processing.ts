import type { MediaProcessing } from '@verity/common';

const processingSteps: Record<MediaProcessing['step'], string> = {
  checking: 'Checking the recording…',
  peaks: 'Reading the waveform…',
  transcoding: 'Making a playable copy…',
};

/** What the server is doing after the last chunk, with its percent when the step can tell ("Reading the waveform… 40%"). */
export function describeProcessing(processing: MediaProcessing | null): string {
  if (!processing) return processingSteps.checking;
  return processing.percent === null ? processingSteps[processing.step] : `${processingSteps[processing.step]} ${processing.percent}%`;
}
