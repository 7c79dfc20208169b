import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readZipEntries as unzip } from '@verity/common/testing/read-zip-entries';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { openEditor, openSideTab, person } from './live-fixtures.ts';

test.describe.configure({ timeout: 120_000 });

/** CART with one uncertain span and one unattributed turn, so approval needs a waiver. */
const cart = `>> ANA LOPEZ: Good morning. The GAC(?) said so.
>> MODERATOR: Thank you, Ana.
>> Someone in the room agreed.
`;

/** Imports `text` as a new transcript through the API, the way the import screen uploads. */
async function importTranscript(page: Page, title: string): Promise<string> {
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.post(`/api/imports?title=${encodeURIComponent(title)}`, {
    data: Buffer.from(cart, 'utf8'),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'hearing.txt', 'x-csrf-token': token },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { transcript: { id: string } }).transcript.id;
}

/** Picks a format in the Export menu and returns the downloaded file's name and bytes. */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('an editor sends to review, a reviewer approves with a waiver and downloads the record', async ({ browser }) => {
  const owner = await person(browser, 'Olga Owner');
  const editor = await person(browser, 'Eddie Editor');
  const reviewer = await person(browser, 'Rita Reviewer');
  const title = `Hearing ${randomBytes(4).toString('hex')}`;
  const id = await importTranscript(owner.page, title);
  await apiPost(owner.page, `/api/transcripts/${id}/members`, { email: editor.email, role: 'editor' });
  await apiPost(owner.page, `/api/transcripts/${id}/members`, { email: reviewer.email, role: 'reviewer' });

  await openEditor(editor.page, id);
  await openSideTab(editor.page, 'review');
  const editorReview = editor.page.getByTestId('review-panel');
  await expect(editorReview.getByTestId('open-issues')).toHaveText('Open: 1 uncertain span, 1 unattributed turn.');
  await editorReview.getByRole('button', { name: 'Send to review' }).click();
  await expect(editorReview.getByText('Waiting for a reviewer.')).toBeVisible();
  await expect(editor.page.locator('.meta')).toContainText('In review');

  await openEditor(reviewer.page, id);
  await openSideTab(reviewer.page, 'review');
  const review = reviewer.page.getByTestId('review-panel');
  const approve = review.getByRole('button', { name: 'Approve with waiver' });
  await expect(approve).toBeDisabled();
  await review.getByTestId('waiver-reason').fill('The recording is inaudible there too.');
  await approve.click();
  const approvals = review.getByTestId('approval-list');
  await expect(approvals).toContainText('v1');
  await expect(approvals).toContainText('Rita Reviewer');
  await expect(reviewer.page.locator('.meta')).toContainText('Approved');

  const hash = await approvals.locator('.hash').first().getAttribute('title');
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

  const docx = await download(reviewer.page, 'docx');
  expect(docx.name).toBe(`${slug}.v1.docx`);
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  const document = unzip(new Uint8Array(docx.bytes)).get('word/document.xml');
  expect(document).toContain(hash!);
  expect(document).toContain('Rita Reviewer');
  expect(document).toContain('Good morning.');

  const report = await download(reviewer.page, 'report');
  expect(report.name).toBe(`${slug}.v1.corrections.md`);
  expect(report.bytes.toString('utf8')).toMatch(/^# Correction report: /);
  expect(report.bytes.toString('utf8')).toContain('| Word error rate |');

  for (const who of [owner, editor, reviewer]) await who.context.close();
});
