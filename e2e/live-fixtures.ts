import { randomBytes } from 'node:crypto';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { apiPost, signUp } from './fixtures.ts';

/** One signed-in user in their own browser context. */
export interface Person {
  context: BrowserContext;
  page: Page;
  email: string;
}

/** A fresh user with their own context and page. */
export async function person(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email } = await signUp(page, name);
  return { context, page, email };
}

/** Two users (the second with `role`) on a fresh transcript; the owner seeds the first turn with `seed`. */
export async function twoOnOneTranscript(browser: Browser, role: 'editor' | 'viewer' = 'editor', seed = 'middle') {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Second');
  const { transcript } = await apiPost<{ transcript: { id: string } }>(ada.page, '/api/transcripts', { title: `Live ${randomBytes(4).toString('hex')}` });
  await apiPost(ada.page, `/api/transcripts/${transcript.id}/members`, { email: bea.email, role });
  await openEditor(ada.page, transcript.id);
  await turnText(ada.page).click();
  await ada.page.keyboard.type(seed);
  await expectSaved(ada.page);
  await openEditor(bea.page, transcript.id);
  await expect(turnText(bea.page)).toHaveText(seed);
  return { ada, bea, transcriptId: transcript.id };
}

/** Opens the editor and waits for the first turn. */
export async function openEditor(page: Page, transcriptId: string) {
  await page.goto(`/t/${transcriptId}`);
  await expect(page.getByTestId('transcript-editor')).toBeVisible();
  await expect(page.getByTestId('turn').first()).toBeVisible();
}

/** Shows a tab of the workspace's side panel (queue, find, speakers, history, review, members). */
export async function openSideTab(page: Page, tab: 'queue' | 'find' | 'speakers' | 'history' | 'review' | 'members') {
  await page.getByTestId(`side-tab-${tab}`).click();
  await expect(page.getByTestId(`side-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** The editable text of the first turn. */
export const turnText = (page: Page) => page.getByTestId('turn').first().locator('.turn-text');

/** Waits for "All changes saved": everything this page sent was acknowledged. */
export async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toContainText('saved');
}
