import { describe, expect, it } from 'vitest';
import { importPreviewSchema } from '@verity/common';
import { readFixture } from '../../../common/src/formats/fixtures/read-fixture.ts';
import { previewImport } from './preview-import.ts';

describe('previewImport warnings', () => {
  it('lists the skipped blocks of a messy caption file with their lines, and previews the rest', () => {
    const preview = importPreviewSchema.parse(previewImport({ bytes: readFixture('messy.vtt'), fileName: 'messy.vtt', format: 'auto' }));
    expect(preview.detectedFormat).toBe('vtt');
    expect(preview.summary.turnCount).toBe(3);
    expect(preview.warnings.map((warning) => warning.line)).toEqual([8, 14, 17, 21]);
    expect(preview.warnings[0]?.message).toBe('timing `00:00:60.000` is not a valid time (minutes and seconds go up to 59); the cue was skipped');
  });

  it('has no warnings for a clean file', () => {
    expect(previewImport({ bytes: readFixture('sample.srt'), fileName: 'sample.srt', format: 'auto' }).warnings).toEqual([]);
  });
});
