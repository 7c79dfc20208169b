import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { expectSaved, openEditor, openSideTab, person } from './live-fixtures.ts';

// Two browsers, sign-ups and live round trips: slower than a single-page spec.
test.describe.configure({ timeout: 120_000 });

const cart = '>> PANELIST: The GAC met today.\n\n>> MODERATOR: Thank you all.\n';

/** Imports a CART file through the API as the page's user; returns the transcript id. */
async function importCart(page: Page): Promise<string> {
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.post(`/api/imports?format=cart&title=${encodeURIComponent(`History ${randomBytes(4).toString('hex')}`)}`, {
    data: Buffer.from(cart, 'utf8'),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'plenary.txt', 'x-csrf-token': token },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { transcript: { id: string } }).transcript.id;
}

const turnTextAt = (page: Page, index: number) => page.getByTestId('turn').nth(index).locator('.turn-text');

async function appendToTurn(page: Page, index: number, text: string) {
  await turnTextAt(page, index).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 30 });
  await expectSaved(page);
}

test('two users edit; one compares the raw import with now, sees both attributed, and restores a turn', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  const transcriptId = await importCart(ada.page);
  await apiPost(ada.page, `/api/transcripts/${transcriptId}/members`, { email: bea.email, role: 'editor' });
  await openEditor(ada.page, transcriptId);
  await openEditor(bea.page, transcriptId);

  await appendToTurn(ada.page, 0, ' approved');
  await appendToTurn(bea.page, 1, ' everyone');
  await expect(turnTextAt(ada.page, 1)).toHaveText('Thank you all. everyone');

  // Show authors: each turn names its last editor, each word who introduced it (on hover).
  await openSideTab(ada.page, 'history');
  const history = ada.page.getByTestId('history-panel');
  const turnBlame = (index: number) => ada.page.getByTestId('turn').nth(index).getByTestId('turn-blame');
  await expect(ada.page.getByTestId('turn-blame')).toHaveCount(0);
  await history.getByTestId('blame-toggle').check();
  await expect(turnBlame(0)).toContainText('Last changed by Ada Owner');
  await expect(turnBlame(1)).toContainText('Last changed by Bea Second');
  await expect(turnTextAt(ada.page, 1).locator('[title="Added by Bea Second"]')).toHaveText('everyone');
  await expect(turnTextAt(ada.page, 1).locator('[title="From the import"]')).toHaveText('Thank you all. ');
  await history.getByTestId('blame-toggle').uncheck();
  await expect(ada.page.getByTestId('turn-blame')).toHaveCount(0);

  await expect(history.getByTestId('version-row')).toHaveCount(1);
  await history.getByRole('tab', { name: 'Compare' }).click();
  await history.getByRole('button', { name: 'Raw import vs now' }).click();
  const compare = history.getByTestId('compare-view');
  const cards = compare.getByTestId('compare-change');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByTestId('diff-insert')).toHaveText('approved');
  await expect(cards.nth(0)).toContainText('edited by Ada Owner');
  await expect(cards.nth(1).getByTestId('diff-insert')).toHaveText('everyone');
  await expect(cards.nth(1)).toContainText('edited by Bea Second');

  // Side by side keeps the words; n / p move between changes.
  await compare.getByRole('button', { name: 'Side by side' }).click();
  await expect(cards.nth(1).getByTestId('diff-insert')).toHaveText('everyone');
  await ada.page.keyboard.press('n');
  await expect(cards.nth(1)).toHaveAttribute('aria-current', 'true');

  await cards.nth(0).getByTestId('restore-turn').click();
  await expect(turnTextAt(ada.page, 0)).toHaveText('The GAC met today.');
  await expect(turnTextAt(bea.page, 0)).toHaveText('The GAC met today.');
  await expect(turnTextAt(bea.page, 1)).toHaveText('Thank you all. everyone');
  await expect(cards).toHaveCount(1);

  await history.getByRole('tab', { name: 'Versions' }).click();
  await expect(history.getByTestId('version-row')).toHaveCount(2);
  await expect(history.getByTestId('version-row').first()).toContainText('Restored a turn from version 0');

  // Turned on again, the authors are fetched afresh: the restore is Ada's change.
  await history.getByTestId('blame-toggle').check();
  await expect(turnBlame(0)).toContainText('Last changed by Ada Owner');
  // A later edit marks the turn as changed since the snapshot until the authors are refreshed.
  await appendToTurn(bea.page, 0, ' twice');
  await expect(turnBlame(0)).toContainText('edited since');
  await history.getByRole('button', { name: 'Refresh authors' }).click();
  await expect(turnBlame(0)).toContainText('Last changed by Bea Second');
  await expect(turnBlame(0)).not.toContainText('edited since');
  await ada.context.close();
  await bea.context.close();
});
