import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { importSeed000, saveDocsScreenshot, skipWithoutSeed000 } from './seed-fixtures.ts';
import { openEditor, openSideTab, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

const openCount = async (page: Page) => Number((await page.getByTestId('queue-count').textContent())?.match(/\d+/)?.[0] ?? NaN);

test('seed 000: Ada applies the suggested speaker to turn 34 from the queue; Bea sees the count and the Resolved entry change live; history shows one change by Ada; undo brings the item back', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  await ada.page.setViewportSize({ width: 1280, height: 720 });
  const id = await importSeed000(ada.page, 'Queue');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'editor' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);
  await openSideTab(ada.page, 'queue');
  await openSideTab(bea.page, 'queue');
  await expect(bea.page.getByTestId('queue-count')).toContainText('open items');
  const before = await openCount(bea.page);
  await expect(bea.page.getByTestId('queue-resolved-entry')).toHaveCount(0);

  // Turn 33 hands the floor to Catherine: turn 34's row suggests the roster's Catherine, with the words it rests on.
  const queue = ada.page.getByTestId('queue-panel');
  const row = queue.getByTestId('queue-item').filter({ hasText: 'Turn 34 ·' });
  const suggestion = row.getByTestId('queue-suggestion');
  await expect(suggestion).toContainText('Suggested: Catherine Garcia van Heogstraten · hand-off: ‘…Catherine, do you want to pick up --’');
  // Self-introductions too: turn 14 says "my name is Robert Collett" (a new speaker, applied only by a person).
  await expect(queue.getByTestId('queue-item').filter({ hasText: 'Turn 14 ·' }).getByTestId('queue-suggestion')).toContainText('Robert Collett (new speaker) · self-introduction');
  await suggestion.getByRole('button', { name: 'Apply' }).click();
  await expect(queue.getByTestId('queue-message')).toContainText('Turn 34');

  // Bea's queue follows without a reload: one item fewer, and the Resolved entry says who did what.
  await expect.poll(() => openCount(bea.page)).toBe(before - 1);
  const resolved = bea.page.getByTestId('queue-resolved-entry');
  await expect(resolved).toHaveCount(1);
  await expect(resolved.first()).toContainText('Ada Owner gave a speaker');
  await expect(resolved.first()).toContainText('Turn 34');
  await expect(resolved.first()).toContainText('Catherine Garcia van Heogstraten (hand-off)');
  await expect(bea.page.getByTestId('turn').nth(33).getByTestId('speaker-chip')).toContainText('Catherine');
  await expect(ada.page.getByTestId('save-status')).toContainText('saved');

  // History tells it as one change, by Ada.
  await openSideTab(ada.page, 'history');
  await ada.page.getByTestId('history-panel').getByRole('tab', { name: 'Activity' }).click();
  const latest = ada.page.getByTestId('activity-entry').first();
  await expect(latest).toContainText('Ada Owner reassigned turn 34 from Unattributed to CATHERINE GARCIA van HEOGSTRATEN');
  await expect(latest).not.toContainText(';');

  // Undo from the queue reverts it in one step, for both of them.
  await openSideTab(ada.page, 'queue');
  await queue.getByTestId('queue-undo').click();
  await expect(queue.getByTestId('queue-message')).toContainText('Undone');
  await expect.poll(() => openCount(bea.page)).toBe(before);
  await expect(bea.page.getByTestId('turn').nth(33).getByTestId('speaker-chip')).not.toContainText('Catherine');

  // Bea says the two MANON spellings are not one person: the pair is hidden on Ada's screen too, and recorded.
  await bea.page.getByTestId('queue-filter-duplicateSpeaker').check();
  const pair = bea.page.getByTestId('queue-item').filter({ hasText: 'MANON' });
  await pair.locator('.find-hit-body').first().click();
  await pair.getByTestId('queue-not-same').click();
  await expect(ada.page.getByTestId('queue-item').filter({ hasText: 'MANON' })).toHaveCount(0);
  await expect(ada.page.getByTestId('queue-panel').getByText('Probable duplicate speakers (0)')).toBeVisible();
  await expect(ada.page.getByTestId('queue-resolved-entry').first()).toContainText('Bea Second dismissed');
  // A mistaken dismissal is not for good: Ada restores it and the pair is back on Bea's screen.
  await ada.page.getByTestId('queue-restore').click();
  await expect(pair).toHaveCount(1);
  await expect(bea.page.getByTestId('queue-resolved-entry').first()).toContainText('Ada Owner restored');
  await expect(bea.page.getByTestId('queue-restore')).toHaveCount(0);

  await Promise.all([ada.context.close(), bea.context.close()]);
});

test('seed 000: glossary hits and an open comment are in the queue; Fix, Ignore and Resolve from it reach the other reviewer live and are recorded', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  const id = await importSeed000(ada.page, 'Queue');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'reviewer' });
  const created = await apiPost<{ id?: string; glossary?: { id: string } }>(ada.page, '/api/glossaries', { name: `IGF ${randomBytes(3).toString('hex')}` });
  const glossaryId = created.glossary?.id ?? created.id!;
  await apiPost(ada.page, `/api/glossaries/${glossaryId}/terms`, { term: 'GFCE', misrecognitions: ['GAC'] });
  await apiPost(ada.page, `/api/transcripts/${id}/glossaries`, { glossaryId });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);

  // Ada comments on "Patrick Pavlak" in the first turn (the Comments tab's composer).
  const first = ada.page.getByTestId('turn').first().locator('.turn-text');
  await first.click();
  await first.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('Patrick Pavlak');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Patrick Pavlak'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
  });
  await ada.page.waitForTimeout(150);
  await ada.page.getByTestId('add-comment').click();
  await ada.page.getByTestId('comment-input').fill('Is the name spelled right?');
  await ada.page.getByTestId('comment-submit').click();
  await expect(ada.page.getByTestId('comment-thread')).toHaveCount(1);

  await openSideTab(ada.page, 'queue');
  await openSideTab(bea.page, 'queue');
  const adaQueue = ada.page.getByTestId('queue-panel');
  const beaQueue = bea.page.getByTestId('queue-panel');
  await expect(beaQueue.getByText('Glossary hits (10)')).toBeVisible();
  await expect(beaQueue.getByText('Open comments (1)')).toBeVisible();
  await saveDocsScreenshot(bea.page, 'queue.png');
  const comment = adaQueue.getByTestId('queue-item').filter({ hasText: 'Open comment' });
  await expect(comment).toContainText('Turn 1 ·');
  await expect(comment).toContainText('Ada Owner: Is the name spelled right?');

  // Fix the first GAC from the queue: the text changes for Bea, her count follows.
  const hits = adaQueue.locator('[data-testid="queue-item"][data-kind="glossary"]');
  await hits.first().locator('.find-hit-body').click();
  await hits.first().getByTestId('queue-fix').click();
  await expect(beaQueue.getByText('Glossary hits (9)')).toBeVisible();
  // Ignore the next one: hidden for Bea too, though the words stay.
  await hits.first().locator('.find-hit-body').click();
  await hits.first().getByTestId('queue-ignore').click();
  await expect(beaQueue.getByText('Glossary hits (8)')).toBeVisible();
  // Resolve the comment from the queue.
  await comment.locator('.find-hit-body').click();
  await comment.getByTestId('queue-resolve-comment').click();
  await expect(beaQueue.getByText('Open comments (0)')).toBeVisible();

  const resolved = beaQueue.getByTestId('queue-resolved-entry');
  await expect(resolved).toHaveCount(3);
  await expect(resolved.nth(0)).toContainText('Ada Owner resolved');
  await expect(resolved.nth(1)).toContainText('Ada Owner ignored');
  await expect(resolved.nth(2)).toContainText('Ada Owner fixed');
  await expect(resolved.nth(2)).toContainText('GAC → GFCE');
  await Promise.all([ada.context.close(), bea.context.close()]);
});

test('a viewer sees the queue and its record but no actions, and the server refuses them', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const vic = await person(browser, 'Vic Viewer');
  const id = await importSeed000(ada.page, 'Queue');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: vic.email, role: 'viewer' });
  await openEditor(vic.page, id);
  await openSideTab(vic.page, 'queue');
  const row = vic.page.getByTestId('queue-item').filter({ hasText: 'Turn 34 ·' });
  await expect(row.getByTestId('queue-suggestion')).toContainText('Catherine');
  await expect(row.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  const token = (await vic.page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const refused = await vic.page.request.post(`/api/transcripts/${id}/queue/resolutions`, {
    data: { itemKey: 'unattributed:t34', kind: 'unattributed', action: 'speakerApplied', label: 'forged' },
    headers: { 'x-csrf-token': token },
  });
  expect(refused.status()).toBe(403);
  await Promise.all([ada.context.close(), vic.context.close()]);
});
