import { expect, test, type Page } from '@playwright/test';
import { expectSaved, turnText, twoOnOneTranscript } from './live-fixtures.ts';

// Two browsers, sign-ups and live round trips: slower than a single-page spec.
test.describe.configure({ timeout: 120_000 });

/** A PATCH or DELETE as the page's user, with the CSRF header the client sends. */
async function apiSend(page: Page, method: 'PATCH' | 'DELETE', path: string, body?: object): Promise<void> {
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.fetch(path, { method, data: body, headers: { 'x-csrf-token': token } });
  expect(response.ok(), await response.text()).toBe(true);
}

test('an editor demoted while typing becomes read-only at once and is told so; removed, the editor closes', async ({ browser }) => {
  const { ada, bea, transcriptId } = await twoOnOneTranscript(browser, 'editor');
  const beaId = (await (await bea.page.request.get('/api/auth/me')).json()) as { user: { id: string } };

  await turnText(bea.page).click();
  await bea.page.keyboard.press('End');
  await bea.page.keyboard.type(' typed', { delay: 30 });
  await expectSaved(bea.page);

  await apiSend(ada.page, 'PATCH', `/api/transcripts/${transcriptId}/members/${beaId.user.id}`, { role: 'viewer' });
  await expect(bea.page.getByTestId('live-role-notice')).toHaveText('You can now only view this transcript.', { timeout: 2_000 });
  await expect(bea.page.getByText('Read only')).toBeVisible();
  await expect(bea.page.getByTestId('transcript-editor')).toHaveAttribute('contenteditable', 'false');
  // Typing does nothing now, and Ada's copy keeps only what was saved.
  await turnText(bea.page).click();
  await bea.page.keyboard.type(' refused');
  await expect(turnText(bea.page)).toHaveText('middle typed');
  await expect(turnText(ada.page)).toHaveText('middle typed');

  await apiSend(ada.page, 'DELETE', `/api/transcripts/${transcriptId}/members/${beaId.user.id}`);
  await expect(bea.page.getByTestId('live-closed')).toHaveAttribute('data-reason', 'forbidden', { timeout: 2_000 });
  await expect(bea.page.getByTestId('live-closed')).toContainText('You were removed from this transcript.');
  await ada.context.close();
  await bea.context.close();
});
