import { expect, test } from '@playwright/test';
import { e2ePassword, uniqueEmail } from './fixtures.ts';

// Runs first, against the run's empty database (the "setup" project in playwright.config.ts).
test('first-run setup → log out → log in → the empty transcript list', async ({ page }) => {
  const email = uniqueEmail('owner');

  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  const setup = page.getByTestId('setup-form');
  await setup.getByLabel('Your name').fill('Olga Owner');
  await setup.getByLabel('E-mail').fill(email);
  await setup.getByLabel('Password').fill(e2ePassword);
  await setup.getByRole('button', { name: 'Create owner account' }).click();

  await expect(page.getByTestId('empty-transcripts')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('Olga Owner');

  await page.getByTestId('user-menu').getByRole('button').first().click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // Setup is offered once only: afterwards the app sends visitors to the login page.
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/login/);

  const login = page.getByTestId('login-form');
  await login.getByLabel('E-mail').fill(email);
  await login.getByLabel('Password').fill('not the password');
  await login.getByRole('button').click();
  await expect(login).toContainText('Wrong e-mail or password');

  await login.getByLabel('Password').fill(e2ePassword);
  await login.getByRole('button').click();
  await expect(page.getByTestId('empty-transcripts')).toBeVisible();
  await expect(page.getByTestId('transcript-list').or(page.getByTestId('empty-transcripts'))).toBeVisible();
});
