import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { signUp } from './fixtures.ts';

const seedFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/seeds/001_cf143e0f9569e927.txt');

test.skip(!existsSync(seedFile), `seed 001 is missing (${seedFile})`);

test('import seed 001: upload, preview, confirm, the transcript opens', async ({ page }) => {
  await signUp(page, 'Ida Importer');

  await page.goto('/');
  await page.getByTestId('import-transcript').click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByTestId('import-dropzone')).toBeVisible();

  await page.getByTestId('import-file-input').setInputFiles(seedFile);

  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('preview-turn-count')).toHaveText('64');
  await expect(page.getByTestId('preview-speaker-count')).toHaveText('8');
  await expect(page.getByTestId('preview-format')).toContainText('CART');
  await expect(preview.getByText('MODERATOR — ')).toContainText('role, not a person');
  await expect(preview.getByText('We can trade places.')).toBeVisible();
  // Seed 001 states no session title, so the file name (without extension) is the default.
  await expect(page.getByLabel('Title')).toHaveValue('001_cf143e0f9569e927');

  await page.getByLabel('Title').fill('IGF 2017 capacity building workshop');
  await page.getByTestId('import-confirm').click();

  await expect(page).toHaveURL(/\/t\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IGF 2017 capacity building workshop');
});

test('a file that is not a transcript shows the server message and imports nothing', async ({ page }) => {
  await signUp(page);
  await page.goto('/import');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n…') });
  await expect(page.getByRole('alert')).toContainText('The file is a PDF document');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});
