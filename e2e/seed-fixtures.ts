import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

/** Seed 000 (IGF 2018: 39 turns, 36 unattributed, "GAC" for GFCE, two spellings of MANON), beside the project in ../shared. */
export const seed000File = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/seeds/000_4888b5e5729f2cf0.txt');

/** Saves the page as a README screenshot (docs/<name>) when VERITY_SCREENSHOT is set; a no-op otherwise. */
export async function saveDocsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.VERITY_SCREENSHOT) await page.screenshot({ path: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs', name) });
}

/** Skips the calling spec file when the seed is not beside the checkout (it is not ours to commit). */
export function skipWithoutSeed000(): void {
  test.skip(!existsSync(seed000File), `seed 000 is missing (${seed000File})`);
}

/** Imports seed 000 through the API, as the import screen uploads it, under a unique title; returns the transcript id. */
export async function importSeed000(page: Page, titlePrefix: string): Promise<string> {
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.post(`/api/imports?title=${encodeURIComponent(`${titlePrefix} ${randomBytes(4).toString('hex')}`)}`, {
    data: readFileSync(seed000File),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': '000.txt', 'x-csrf-token': token },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { transcript: { id: string } }).transcript.id;
}

/** How often a phrase occurs as whole words in the editor's text (all of it, on screen or not). */
export const countInEditor = (page: Page, phrase: string) =>
  page.getByTestId('transcript-editor').evaluate((element, p) => (element.textContent ?? '').match(new RegExp(`\\b${p}\\b`, 'g'))?.length ?? 0, phrase);
