import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { countInEditor, importSeed000, skipWithoutSeed000 } from './seed-fixtures.ts';
import { openEditor, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

const group = (page: Page, term: string) => page.getByTestId('glossary-panel').locator(`[data-testid="glossary-group"][data-term="${term}"]`);

test('seed 000 glossary: the owner attaches a list (consensus ← know Cus, GFCE ← GAC); both reviewers see the flags; a one-click fix and a fix-all go live to the other, undo reverts each in one step; CSV export then import round-trips', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Reviewer');
  await ada.page.setViewportSize({ width: 1280, height: 720 });
  const id = await importSeed000(ada.page, 'IGF');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'reviewer' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);

  // Bea watches the Glossary tab: nothing attached yet; the speakers' names are terms already.
  await bea.page.getByTestId('side-tab-glossary').click();
  const beaPanel = bea.page.getByTestId('glossary-panel');
  await expect(beaPanel).toContainText('No term list is attached');
  await expect(beaPanel.getByTestId('glossary-speaker-terms')).toContainText(/Tienhoven/i);
  await expect(beaPanel.getByTestId('glossary-attach')).toHaveCount(0);

  // Ada (the owner) opens the tab with Alt+5, creates a list, attaches it and adds two terms.
  await ada.page.getByTestId('turn').first().locator('.turn-text').click();
  await ada.page.keyboard.press('Alt+5');
  const panel = ada.page.getByTestId('glossary-panel');
  await expect(ada.page.getByTestId('side-tab-glossary')).toHaveAttribute('aria-selected', 'true');
  await panel.getByTestId('glossary-new-name').fill('IGF meetings');
  await panel.getByTestId('glossary-new-submit').click();
  const list = panel.getByTestId('glossary-list').filter({ hasText: 'IGF meetings' });
  await expect(list).toBeVisible();
  await list.locator('summary').click();
  const form = list.getByTestId('glossary-term-form');
  await form.getByTestId('glossary-term-input').fill('consensus');
  await form.getByTestId('glossary-misrecognitions-input').fill('know Cus');
  await form.getByTestId('glossary-term-submit').click();
  await expect(form.getByTestId('glossary-term-input')).toHaveValue('');
  await form.getByTestId('glossary-term-input').fill('GFCE');
  await form.getByTestId('glossary-misrecognitions-input').fill('GAC');
  await form.getByTestId('glossary-term-submit').click();

  // Both see the flags: 1 + 10 hits, in the panel and underlined in the text; Bea's follow without a reload.
  for (const page of [ada.page, bea.page]) {
    await expect(page.getByTestId('glossary-hit-count')).toHaveText('11');
    await expect(group(page, 'consensus').getByTestId('glossary-group-count')).toHaveText('1');
    await expect(group(page, 'GFCE').getByTestId('glossary-group-count')).toHaveText('10');
    await expect(page.locator('[data-glossary-hit="know Cus → consensus"]')).toHaveCount(1);
    await expect(page.locator('[data-glossary-hit="GAC → GFCE"]')).toHaveCount(10);
  }
  await expect(beaPanel.getByTestId('glossary-list')).toContainText('by Ada Owner');

  // One click in the text: the cursor in "know Cus" shows its fix by the word; Ada applies it.
  const flagged = ada.page.locator('[data-glossary-hit="know Cus → consensus"]');
  await flagged.scrollIntoViewIfNeeded();
  await flagged.click();
  const popover = ada.page.getByTestId('glossary-popover');
  await expect(popover).toContainText('know Cus → consensus');
  await popover.getByTestId('glossary-popover-fix').click();
  await expect.poll(() => countInEditor(ada.page, 'know Cus')).toBe(0);
  // Bea sees the text and the count change live.
  await expect.poll(() => countInEditor(bea.page, 'know Cus')).toBe(0);
  await expect(bea.page.getByTestId('glossary-hit-count')).toHaveText('10');
  await expect(group(bea.page, 'consensus')).toHaveCount(0);

  // Undo (the focus stayed in the text) reverts the fix as one step, for everyone.
  await ada.page.keyboard.press('Control+z');
  await expect.poll(() => countInEditor(ada.page, 'know Cus')).toBe(1);
  await expect.poll(() => countInEditor(bea.page, 'know Cus')).toBe(1);
  await expect(bea.page.getByTestId('glossary-hit-count')).toHaveText('11');

  // "Fix all 10" for GFCE from the panel: one change, and one undo step.
  await group(ada.page, 'GFCE').getByTestId('glossary-fix-all').click();
  await expect(panel.getByTestId('glossary-message')).toContainText('Fixed 10');
  await expect.poll(() => countInEditor(bea.page, 'GFCE')).toBe(10);
  await expect.poll(() => countInEditor(bea.page, 'GAC')).toBe(0);
  await expect(bea.page.getByTestId('glossary-hit-count')).toHaveText('1');
  await ada.page.getByTestId('transcript-editor').focus();
  await ada.page.keyboard.press('Control+z');
  await expect.poll(() => countInEditor(bea.page, 'GAC')).toBe(10);
  await expect(bea.page.getByTestId('glossary-hit-count')).toHaveText('11');
  await expect(ada.page.getByTestId('save-status')).toContainText('saved');

  // CSV: export the list, import the file into a new list on the lists page, export that: the same bytes.
  const [download] = await Promise.all([ada.page.waitForEvent('download'), list.getByTestId('glossary-export').click()]);
  expect(download.suggestedFilename()).toBe('IGF meetings.csv');
  const exported = readFileSync(await download.path());
  expect(exported.toString('utf8')).toBe('\uFEFFterm,misrecognitions,note\r\nconsensus,know Cus,\r\nGFCE,GAC,\r\n');
  const { id: copyId } = await apiPost<{ id: string }>(ada.page, '/api/glossaries', { name: 'Copy' });
  await ada.page.goto('/glossaries');
  await ada.page.getByTestId('glossary-page-list').filter({ hasText: 'Copy' }).click();
  const editor = ada.page.getByTestId('glossary-editor');
  await expect(editor.getByRole('heading', { name: 'Copy' })).toBeVisible();
  await editor.getByTestId('glossary-import-file').setInputFiles({ name: 'IGF meetings.csv', mimeType: 'text/csv', buffer: exported });
  await expect(editor.getByTestId('glossary-term')).toHaveCount(2);
  await expect(editor.getByTestId('glossary-term').first()).toContainText('consensus');
  const again = await ada.page.request.get(`/api/glossaries/${copyId}/export.csv`);
  expect(again.headers()['content-type']).toContain('text/csv');
  expect(Buffer.compare(await again.body(), exported)).toBe(0);
  // The lists page says where each list is attached.
  await ada.page.getByTestId('glossary-page-list').filter({ hasText: 'IGF meetings' }).click();
  await expect(ada.page.getByTestId('glossary-editor')).toContainText('Attached to: IGF');

  await Promise.all([ada.context.close(), bea.context.close()]);
});
