import { describe, expect, it } from 'vitest';
import { exportFileName, exportFormatIds, exportFormats, findExportFormat } from './export-transcript.ts';
import { buildFixture } from './transcript.fixture.ts';

describe('exportFormats', () => {
  it('writes every format deterministically', async () => {
    for (const id of exportFormatIds) {
      const first = await exportFormats[id].write(buildFixture(), { version: 1, hash: 'ab'.repeat(32) });
      const second = await exportFormats[id].write(buildFixture(), { version: 1, hash: 'ab'.repeat(32) });
      expect(typeof first === 'string' ? first : Buffer.from(first).toString('base64')).toBe(typeof second === 'string' ? second : Buffer.from(second).toString('base64'));
      expect(exportFormats[id].isBinary).toBe(typeof first !== 'string');
    }
  });

  it('names unknown formats', () => {
    expect(() => findExportFormat('pdf')).toThrow('Unknown export format "pdf"; use cart, text, markdown, srt, vtt, json, docx.');
  });
});

describe('exportFileName', () => {
  it('carries a safe title and the version', () => {
    expect(exportFileName('Plenary – Day 2', 3, 'docx')).toBe('plenary-day-2.v3.docx');
    expect(exportFileName('Séance plénière: « jour 2 »/../', 12, 'cart')).toBe('seance-pleniere-jour-2.v12.cart.txt');
    expect(exportFileName(null, undefined, 'json')).toBe('transcript.json');
  });
});
