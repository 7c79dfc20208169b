import { expect, test } from '@playwright/test';
import { expectSaved, openEditor, turnText, twoOnOneTranscript } from './live-fixtures.ts';

// Two browsers, sign-ups and live round trips: slower than a single-page spec.
test.describe.configure({ timeout: 120_000 });

test('two editors typing in the same turn at once both keep their words', async ({ browser }) => {
  const { ada, bea, transcriptId } = await twoOnOneTranscript(browser);
  await expect(ada.page.getByTestId('presence').locator('li')).toHaveCount(2);

  await turnText(ada.page).click();
  await ada.page.keyboard.press('End');
  await turnText(bea.page).click();
  await bea.page.keyboard.press('Home');
  await Promise.all([
    ada.page.keyboard.type(' alpha words', { delay: 40 }),
    bea.page.keyboard.type('beta words ', { delay: 40 }),
  ]);

  const expected = 'beta words middle alpha words';
  await expect(turnText(ada.page)).toHaveText(expected);
  await expect(turnText(bea.page)).toHaveText(expected);
  await expectSaved(ada.page);
  await expectSaved(bea.page);

  await ada.page.reload();
  await openEditor(ada.page, transcriptId);
  await expect(turnText(ada.page)).toHaveText(expected);
  await ada.context.close();
  await bea.context.close();
});

test('one reassigns a turn’s speaker while the other edits its text: both survive', async ({ browser }) => {
  const { ada, bea, transcriptId } = await twoOnOneTranscript(browser);

  await turnText(bea.page).click();
  await bea.page.keyboard.press('End');
  const typing = bea.page.keyboard.type(' and more', { delay: 60 });

  await ada.page.getByTestId('speaker-chip').first().click();
  const roster = ada.page.getByTestId('speaker-roster');
  await roster.getByRole('combobox').fill('Chair Person');
  await roster.getByRole('option', { name: /Add speaker/ }).click();
  await typing;

  for (const page of [ada.page, bea.page]) {
    await expect(page.getByTestId('speaker-chip').first()).toHaveText('Chair Person');
    await expect(page.getByTestId('turn').first()).not.toHaveAttribute('data-speaker-id', '');
    await expect(turnText(page)).toHaveText('middle and more');
    await expectSaved(page);
  }
  await bea.page.reload();
  await openEditor(bea.page, transcriptId);
  await expect(bea.page.getByTestId('speaker-chip').first()).toHaveText('Chair Person');
  await expect(turnText(bea.page)).toHaveText('middle and more');
  await ada.context.close();
  await bea.context.close();
});

test('edits made offline are merged and saved on reconnect', async ({ browser }) => {
  const { ada, bea } = await twoOnOneTranscript(browser);

  await bea.context.setOffline(true);
  await expect(bea.page.getByTestId('save-status')).toContainText('Offline');
  await turnText(bea.page).click();
  await bea.page.keyboard.press('End');
  await bea.page.keyboard.type(' offline');
  await expect(bea.page.getByTestId('save-status')).toContainText('changes kept');

  await turnText(ada.page).click();
  await ada.page.keyboard.press('Home');
  await ada.page.keyboard.type('online ');
  await expectSaved(ada.page);

  await bea.context.setOffline(false);
  const expected = 'online middle offline';
  await expect(turnText(bea.page)).toHaveText(expected, { timeout: 20_000 });
  await expect(turnText(ada.page)).toHaveText(expected);
  await expectSaved(bea.page);
  await ada.page.reload();
  await expect(ada.page.getByTestId('transcript-editor')).toBeVisible();
  await expect(turnText(ada.page)).toHaveText(expected);
  await ada.context.close();
  await bea.context.close();
});

test('a viewer sees the live text read-only', async ({ browser }) => {
  const { ada, bea } = await twoOnOneTranscript(browser, 'viewer');
  const editor = bea.page.getByTestId('transcript-editor');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(bea.page.locator('button[data-testid="speaker-chip"]')).toHaveCount(0);
  await expect(bea.page.getByRole('toolbar').getByRole('button', { name: /Insert sound/ })).toHaveCount(0);

  await turnText(bea.page).click();
  await bea.page.keyboard.type('viewer text');
  await turnText(ada.page).click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' edited');
  await expect(turnText(bea.page)).toHaveText('middle edited');
  await expect(turnText(ada.page)).toHaveText('middle edited');
  await ada.context.close();
  await bea.context.close();
});
