import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { countInEditor, importSeed000, saveDocsScreenshot, skipWithoutSeed000 } from './seed-fixtures.ts';
import { openEditor, openSideTab, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

test('seed 000 in the workspace: find GAC, preview, replace 10 as one change, undo, replace again; the other editor and the panels follow live', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  await ada.page.setViewportSize({ width: 1280, height: 720 });
  const id = await importSeed000(ada.page, 'GFCE');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'editor' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);

  // One full-height workspace at 1280×720: the page itself does not scroll, the text does, under its toolbar.
  const scroller = ada.page.getByTestId('editor-scroll');
  await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  expect(await ada.page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
  await expect(ada.page.getByRole('toolbar').first()).toBeInViewport();
  await expect(ada.page.getByTestId('side-panel')).toBeInViewport();
  await expect(ada.page.getByTestId('queue-count')).toContainText('open items');

  // Bea watches the review panel and the members list (no reload below).
  await openSideTab(bea.page, 'review');
  await expect(bea.page.getByRole('button', { name: 'Send to review' })).toBeVisible();

  // Alt+2 opens Find with the focus in the search field.
  await ada.page.getByTestId('turn').first().locator('.turn-text').click();
  await ada.page.keyboard.press('Alt+2');
  const find = ada.page.getByTestId('find-panel');
  await expect(find.getByTestId('find-input')).toBeFocused();
  await ada.page.keyboard.type('GAC');
  await expect(find.getByTestId('find-status')).toContainText('11 hits');
  await find.getByLabel('Whole word').check();
  await find.getByLabel('Match case').check();
  await find.getByTestId('replace-input').fill('GFCE');
  await expect(find.getByTestId('find-status')).toContainText('10 hits');
  await expect(find.getByTestId('find-hit')).toHaveCount(10);
  await expect(find.getByTestId('find-hit').first()).toContainText('Turn');
  await expect(find.locator('ins.find-replacement')).toHaveCount(10);
  // VERITY_SCREENSHOT=1 refreshes the README's picture (docs/editor.png) from this moment.
  await saveDocsScreenshot(ada.page, 'editor.png');

  // Untick one, tick it again: the preview follows; then apply all ten as one change.
  await find.getByTestId('find-hit').first().getByRole('checkbox').uncheck();
  await expect(find.getByTestId('replace-selected')).toHaveText('Replace 9 selected');
  await find.getByTestId('find-hit').first().getByRole('checkbox').check();
  await find.getByTestId('replace-selected').click();
  await expect(find.getByTestId('find-message')).toContainText('Replaced 10 of 10');
  await expect.poll(() => countInEditor(ada.page, 'GFCE')).toBe(10);
  await expect.poll(() => countInEditor(ada.page, 'GAC')).toBe(0);
  await expect.poll(() => countInEditor(bea.page, 'GFCE')).toBe(10);
  // "GACE" was never a hit.
  await expect.poll(() => countInEditor(ada.page, 'GACE')).toBe(1);

  // Undo reverts the whole replace in one step, for everyone.
  await find.getByTestId('undo-replace').click();
  await expect.poll(() => countInEditor(ada.page, 'GAC')).toBe(10);
  await expect.poll(() => countInEditor(bea.page, 'GAC')).toBe(10);
  await expect.poll(() => countInEditor(bea.page, 'GFCE')).toBe(0);

  // Apply again: the hits were found again after the undo.
  await expect(find.getByTestId('find-status')).toContainText('10 hits');
  await find.getByTestId('replace-selected').click();
  await expect.poll(() => countInEditor(bea.page, 'GFCE')).toBe(10);
  await expect(find.getByTestId('find-status')).toContainText('No hits');
  await expect(ada.page.getByTestId('save-status')).toContainText('saved');

  // History tells it as one change.
  await openSideTab(ada.page, 'history');
  await ada.page.getByTestId('history-panel').getByRole('tab', { name: 'Activity' }).click();
  await expect(ada.page.getByTestId('activity-entry').first()).toContainText('Ada Owner replaced ‘GAC’ with ‘GFCE’, 10 times');

  // The server's part goes live too: Ada sends it to review and adds a member; Bea's panels follow.
  await apiPost(ada.page, `/api/transcripts/${id}/review/submit`, {});
  await expect(bea.page.getByTestId('review-panel')).toContainText('Waiting for a reviewer.');
  await expect(bea.page.locator('.meta')).toContainText('In review');
  await openSideTab(bea.page, 'members');
  await expect(bea.page.getByTestId('member-row')).toHaveCount(2);
  const carl = await person(browser, 'Carl Third');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: carl.email, role: 'viewer' });
  await expect(bea.page.getByTestId('member-row')).toHaveCount(3);

  // Speaker stats come from the shared document: Ada merges the two MANON spellings, Bea's panel follows.
  await openSideTab(bea.page, 'speakers');
  const speakerRows = bea.page.getByTestId('speakers-panel').locator('.speaker-item');
  await expect(speakerRows.filter({ hasText: 'Tienhoven' })).toContainText('1 turn ·');
  const speakerCount = await speakerRows.count();
  const { speakers } = (await (await ada.page.request.get(`/api/transcripts/${id}/speakers`)).json()) as { speakers: { speaker: { id: string; label: string } }[] };
  const into = speakers.find((entry) => entry.speaker.label === 'MANON VAN TIENHOVEN')!.speaker.id;
  const from = speakers.find((entry) => entry.speaker.label === 'MANON VAN TIEHOVEN')!.speaker.id;
  await apiPost(ada.page, `/api/transcripts/${id}/speakers/merge`, { into, from: [from] });
  await expect(speakerRows).toHaveCount(speakerCount - 1);
  await expect(speakerRows.filter({ hasText: 'Tienhoven' })).toContainText('2 turns ·');

  await Promise.all([ada.context.close(), bea.context.close(), carl.context.close()]);
});

test('a regex that backtracks for ever is stopped with a message and the page stays usable', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const id = await importSeed000(ada.page, 'GFCE');
  await openEditor(ada.page, id);
  await openSideTab(ada.page, 'find');
  const find = ada.page.getByTestId('find-panel');
  await find.getByLabel('Regular expression').check();
  await find.getByTestId('find-input').fill('(\\w+\\s?)+!');
  await expect(find.getByTestId('find-status')).toContainText('stopped after 1.5 s', { timeout: 15_000 });
  // The page answers: the queue's next item and the shortcut sheet still work.
  await openSideTab(ada.page, 'queue');
  await ada.page.getByTestId('queue-next').click();
  await expect(ada.page.locator('.queue-item.is-current')).toHaveCount(1);
  await ada.page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(ada.page.getByTestId('shortcut-sheet')).toContainText('Side panel: Find');
  await ada.context.close();
});

test('the review queue: Alt+N goes to the first open item, giving that turn a speaker resolves it for both reviewers', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  const id = await importSeed000(ada.page, 'GFCE');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'editor' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);
  await openSideTab(ada.page, 'queue');
  await openSideTab(bea.page, 'queue');
  const count = async (page: Page) => Number((await page.getByTestId('queue-count').textContent())?.match(/\d+/)?.[0] ?? NaN);
  await expect(bea.page.getByTestId('queue-count')).toContainText('open items');
  const before = await count(bea.page);
  expect(await ada.page.getByTestId('queue-filter-unattributed').isChecked()).toBe(true);
  // Only unattributed turns; Alt+N selects the first of them in the editor, Alt+S names its speaker.
  await ada.page.getByTestId('queue-filter-uncertain').uncheck();
  await ada.page.getByTestId('queue-filter-duplicateSpeaker').uncheck();
  await ada.page.getByTestId('turn').first().locator('.turn-text').click();
  await ada.page.keyboard.press('Alt+N');
  await expect(ada.page.locator('.queue-item.is-current')).toContainText('Turn without a speaker');
  await ada.page.keyboard.press('Alt+S');
  const roster = ada.page.getByTestId('speaker-roster');
  await roster.getByRole('combobox').fill('Chair Person');
  await roster.getByRole('option', { name: /Add speaker/ }).click();
  await expect.poll(() => count(bea.page)).toBe(before - 1);
  await Promise.all([ada.context.close(), bea.context.close()]);
});
