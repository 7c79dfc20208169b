import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { openSideTab, person } from './live-fixtures.ts';

/** Creates a link in the Members panel and returns its path (/invite/…). */
async function createLink(page: Page, role: string, uses: number | 'single'): Promise<string> {
  const form = page.locator('form.invitation');
  await form.getByLabel('Role for people who use the link').selectOption(role.toLowerCase());
  if (uses === 'single') await form.getByLabel('One person (single use)').check();
  else {
    await form.getByLabel('Several people').check();
    await form.getByLabel('How many people').fill(String(uses));
  }
  const link = page.getByTestId('invitation-link').locator('input');
  const previous = (await link.count()) > 0 ? await link.inputValue() : '';
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  // The panel shows the last link made until the new one arrives.
  await expect(link).toHaveValue(/\/invite\//);
  await expect(link).not.toHaveValue(previous);
  return new URL(await link.inputValue()).pathname;
}

test('an owner makes a single-use link, a guest previews and accepts it, a second person is refused, a revoked link admits nobody', async ({ browser }) => {
  const owner = await person(browser, 'Olga Owner');
  const guest = await person(browser, 'Gina Guest');
  const latecomer = await person(browser, 'Lars Late');
  const title = `Council ${randomBytes(4).toString('hex')}`;
  const { transcript } = await apiPost<{ transcript: { id: string } }>(owner.page, '/api/transcripts', { title });
  await owner.page.goto(`/t/${transcript.id}`);
  await openSideTab(owner.page, 'members');

  const single = await createLink(owner.page, 'Reviewer', 'single');
  const links = owner.page.getByTestId('invitation-link-row');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('Reviewer link by Olga Owner');
  await expect(links.first()).toContainText('Single use, not used yet');

  // The invitation page shows what joining means before anything happens.
  await guest.page.goto(single);
  await expect(guest.page.locator('.auth-intro')).toContainText(`invited you to ${title} as reviewer`);
  await guest.page.getByTestId('accept-invitation').click();
  await expect(guest.page).toHaveURL(new RegExp(`/t/${transcript.id}$`));

  await latecomer.page.goto(single);
  await expect(latecomer.page.getByTestId('invitation-refused')).toContainText('single-use link and has been used');

  const several = await createLink(owner.page, 'Viewer', 3);
  await expect(links).toHaveCount(2);
  const severalRow = links.filter({ hasText: /^Viewer link/ });
  await expect(severalRow).toContainText('Used 0 of 3');
  await severalRow.getByRole('button', { name: /^Revoke/ }).click();
  await severalRow.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(severalRow).toContainText('Revoked');
  await expect(links.filter({ hasText: /^Reviewer link/ })).toContainText('Used up');

  await latecomer.page.goto(several);
  await expect(latecomer.page.getByTestId('invitation-refused')).toContainText('revoked by the transcript’s owner');
  await owner.page.reload();
  await expect(owner.page.getByLabel('Role for Gina Guest')).toHaveValue('reviewer');
  await expect(owner.page.getByTestId('member-row').filter({ hasText: 'Lars Late' })).toHaveCount(0);
  for (const someone of [owner, guest, latecomer]) await someone.context.close();
});
