import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { importSeed000, skipWithoutSeed000 } from './seed-fixtures.ts';
import { openEditor, openSideTab, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

/** The speaker chips in the editor whose name matches, on screen or not. */
const chips = (page: Page, name: RegExp) => page.getByTestId('transcript-editor').getByTestId('speaker-chip').filter({ hasText: name });
const tienhoven = /manon van tienhoven/i;
const tiehoven = /manon van tiehoven/i;

test('seed 000: a reviewer merges the two MANON labels from the Speakers panel; the other sees it live; history shows one change; undo and redo', async ({ browser }) => {
  const owner = await person(browser, 'Olga Owner');
  const rae = await person(browser, 'Rae Reviewer');
  const ben = await person(browser, 'Ben Reviewer');
  const val = await person(browser, 'Val Viewer');
  const id = await importSeed000(owner.page, 'GFCE speakers');
  for (const [who, role] of [[rae, 'reviewer'], [ben, 'reviewer'], [val, 'viewer']] as const) await apiPost(owner.page, `/api/transcripts/${id}/members`, { email: who.email, role });
  const { speakers } = (await (await owner.page.request.get(`/api/transcripts/${id}/speakers`)).json()) as { speakers: { speaker: { id: string; label: string } }[] };
  const into = speakers.find((entry) => entry.speaker.label === 'MANON VAN TIENHOVEN')!.speaker.id;
  const from = speakers.find((entry) => entry.speaker.label === 'MANON VAN TIEHOVEN')!.speaker.id;

  await openEditor(rae.page, id);
  await openEditor(ben.page, id);
  await openSideTab(rae.page, 'speakers');
  await openSideTab(ben.page, 'speakers');
  const raePanel = rae.page.getByTestId('speakers-panel');
  const benPanel = ben.page.getByTestId('speakers-panel');
  const benRows = benPanel.locator('.speaker-item');
  await expect(benPanel.getByTestId(`speaker-${into}`)).toContainText('1 turn ·');
  await expect(benPanel.getByTestId(`speaker-${from}`)).toContainText('1 turn ·');
  const rosterSize = await benRows.count();
  expect(rosterSize).toBe(speakers.length);
  await expect(chips(ben.page, tienhoven)).toHaveCount(1);
  await expect(chips(ben.page, tiehoven)).toHaveCount(1);

  // A viewer sees the roster but no way to change it.
  await openEditor(val.page, id);
  await openSideTab(val.page, 'speakers');
  await expect(val.page.getByTestId(`speaker-${from}`)).toBeVisible();
  await expect(val.page.getByTestId('speakers-panel').getByRole('button', { name: /^Edit / })).toHaveCount(0);

  // Rae merges the misspelling into the right one, from the panel.
  const merge = async () => {
    await raePanel.getByTestId(`speaker-${from}`).getByRole('button', { name: /^Edit / }).click();
    await raePanel.getByTestId(`speaker-${from}`).getByLabel('Same person as…').selectOption(into);
    await raePanel.getByTestId(`speaker-${from}`).getByRole('button', { name: /Merge into them \(1 turn move\)/ }).click();
    await expect(raePanel.getByTestId('speakers-message')).toContainText(/Merged ‘MANON VAN TIEHOVEN’ into ‘MANON VAN TIENHOVEN’ \(1 turn moved\)/i);
  };
  const expectMerged = async (page: Page) => {
    await expect(page.getByTestId('speakers-panel').locator('.speaker-item')).toHaveCount(rosterSize - 1);
    await expect(page.getByTestId('speakers-panel').getByTestId(`speaker-${into}`)).toContainText('2 turns ·');
    await expect(chips(page, tienhoven)).toHaveCount(2);
    await expect(chips(page, tiehoven)).toHaveCount(0);
  };
  const expectTwoLabels = async (page: Page) => {
    await expect(page.getByTestId('speakers-panel').locator('.speaker-item')).toHaveCount(rosterSize);
    await expect(page.getByTestId('speakers-panel').getByTestId(`speaker-${from}`)).toContainText('1 turn ·');
    await expect(chips(page, tienhoven)).toHaveCount(1);
    await expect(chips(page, tiehoven)).toHaveCount(1);
  };
  await merge();
  // Live for Ben, in the panel and in the text, without a reload; and for the viewer.
  await expectMerged(ben.page);
  await expectMerged(rae.page);
  await expect(val.page.getByTestId('speakers-panel').locator('.speaker-item')).toHaveCount(rosterSize - 1);
  await expect(rae.page.getByTestId('save-status')).toContainText('saved');

  // History: one change, attributed to Rae, told as a merge.
  await openSideTab(ben.page, 'history');
  await ben.page.getByTestId('history-panel').getByRole('tab', { name: 'Activity' }).click();
  const entries = ben.page.getByTestId('activity-entry');
  await expect(entries.first()).toContainText(/^Rae Reviewer merged speaker ‘MANON VAN TIEHOVEN’ into ‘MANON VAN TIENHOVEN’ \(1 turn\)/);
  await expect(entries.filter({ hasText: 'Rae Reviewer' })).toHaveCount(1);

  // Rae undoes from the panel: both see two labels again.
  await raePanel.getByTestId('undo-speaker-edit').click();
  await expectTwoLabels(rae.page);
  await openSideTab(ben.page, 'speakers');
  await expectTwoLabels(ben.page);

  // Merge again, then Ctrl+Z in the text undoes it as one step, and Ctrl+Shift+Z redoes it.
  await merge();
  await expectMerged(ben.page);
  await rae.page.getByTestId('turn').first().locator('.turn-text').click();
  await rae.page.keyboard.press('Control+z');
  await expectTwoLabels(ben.page);
  await expectTwoLabels(rae.page);
  await rae.page.keyboard.press('Control+Shift+z');
  await expectMerged(ben.page);
  await expectMerged(rae.page);
  // Ben's own undo never reverts Rae's merge.
  await ben.page.getByTestId('turn').first().locator('.turn-text').click();
  await ben.page.keyboard.press('Control+z');
  await expect(rae.page.getByTestId('save-status')).toContainText('saved');
  await expectMerged(ben.page);

  await Promise.all([owner, rae, ben, val].map((who) => who.context.close()));
});
