import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signUp } from './fixtures.ts';

// A WebVTT file with a mistyped timestamp, a style block after the first cue, an identifier holding
// "-->", and a cue that ends before it starts (common/src/formats/fixtures/messy.vtt).
const messyFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../common/src/formats/fixtures/messy.vtt');

test('a messy caption file: the preview lists the skipped blocks, and importing keeps every good cue', async ({ page }) => {
  await signUp(page, 'Rita Recovery');
  await page.goto('/import');
  await page.getByTestId('import-file-input').setInputFiles(messyFile);

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-format')).toHaveText('WebVTT subtitles');
  await expect(page.getByTestId('preview-turn-count')).toHaveText('3');

  // The user sees, before importing, which lines were skipped and why.
  const warnings = page.getByTestId('import-warning');
  await expect(warnings).toHaveCount(4);
  await expect(warnings.nth(0)).toHaveText('Line 8: timing 00:00:60.000 is not a valid time (minutes and seconds go up to 59); the cue was skipped');
  await expect(warnings.nth(0).locator('code')).toHaveText('00:00:60.000');
  await expect(warnings.nth(1)).toContainText('Line 14: a STYLE block after the first cue is ignored');
  await expect(warnings.nth(2)).toContainText('Line 17: timing intro is not a valid time; the line was skipped');
  await expect(warnings.nth(3)).toContainText('Line 21: the cue ends at 00:00:11.000, before it starts at 00:00:12.000');
  await expect(preview.getByText('Thank you & good morning. Let me begin.')).toBeVisible();
  await expect(preview.getByText('This cue is lost.')).toHaveCount(0);
  await expect(page.getByLabel('Title')).toHaveValue('Messy captions');

  const title = `Messy captions ${randomBytes(4).toString('hex')}`;
  await page.getByLabel('Title').fill(title);
  await page.getByTestId('import-confirm').click();

  await expect(page).toHaveURL(/\/t\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const turns = page.getByTestId('turn');
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toContainText('Welcome, everyone.');
  await expect(turns.nth(1)).toContainText('Thank you & good morning. Let me begin.');
  await expect(turns.nth(2)).toContainText('Over to the floor.');
  await expect(page.getByTestId('transcript-editor')).not.toContainText('This cue is lost.');
});

test('a clean caption file shows no warnings', async ({ page }) => {
  await signUp(page);
  await page.goto('/import');
  const clean = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hello.\n';
  await page.getByTestId('import-file-input').setInputFiles({ name: 'clean.vtt', mimeType: 'text/vtt', buffer: Buffer.from(clean) });
  await expect(page.getByTestId('preview-turn-count')).toHaveText('1');
  await expect(page.getByTestId('import-warnings')).toHaveCount(0);
});
