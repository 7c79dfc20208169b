import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { buildLargeCart } from '@verity/common/testing/large-cart';
import { signUp } from './fixtures.ts';

// A 20 MiB import, its first sync (over 20 MiB) and rendering ~19,000 turns on a shared machine.
test.describe.configure({ timeout: 300_000 });

/** The server's default upload limit (VERITY_MAX_UPLOAD_MB, 20). */
const uploadLimitBytes = 20 * 1024 * 1024;

test('a transcript as large as the upload limit allows imports and opens in the editor', async ({ page }) => {
  await signUp(page, 'Large Owner');
  const { text, turns, lastMarker } = buildLargeCart(uploadLimitBytes - 64);
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.post(`/api/imports?format=cart&title=${encodeURIComponent(`Largest ${randomBytes(4).toString('hex')}`)}`, {
    data: Buffer.from(text, 'utf8'),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'largest.txt', 'x-csrf-token': token },
    timeout: 120_000,
  });
  expect(response.status(), await response.text()).toBe(201);
  const { transcript } = (await response.json()) as { transcript: { id: string } };

  await page.goto(`/t/${transcript.id}`);
  await expect(page.getByTestId('transcript-editor')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('live-closed')).toHaveCount(0);
  await expect(page.getByTestId('turn')).toHaveCount(turns, { timeout: 60_000 });
  await expect(page.getByTestId('turn').last()).toContainText(lastMarker);
});
