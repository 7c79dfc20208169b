import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { importSeed000, saveDocsScreenshot, skipWithoutSeed000 } from './seed-fixtures.ts';
import { openEditor, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

const turnText = (page: Page, index = 0) => page.getByTestId('turn').nth(index).locator('.turn-text');

/**
 * Puts the DOM selection on `words` in a turn (collapsed `at` characters into them when given), as a
 * person dragging or clicking would; Slate reads it from the selectionchange event.
 */
async function selectInTurn(page: Page, words: string, at?: number, turn = 0) {
  await turnText(page, turn).click();
  await turnText(page, turn).evaluate(
    (root, { words, at }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = node.textContent!.indexOf(words);
        if (found < 0) continue;
        const range = document.createRange();
        range.setStart(node, found + (at ?? 0));
        range.setEnd(node, found + (at ?? words.length));
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${words}" is not in one text node of the turn`);
    },
    { words, at },
  );
  // Slate takes the DOM selection on the next selectionchange.
  await page.waitForTimeout(150);
}

test('seed 000: comment on words mentioning a reviewer, who sees it live with its highlight, replies; the anchor follows edits before and inside it; resolving shows for both; an open comment blocks approval until waived', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Reviewer');
  const id = await importSeed000(ada.page, 'Comments');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'reviewer' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);
  // Bea watches the Comments tab (Alt+4).
  await bea.page.keyboard.press('Alt+4');
  const beaPanel = bea.page.getByTestId('comments-panel');
  await expect(beaPanel).toContainText('No comments yet.');

  // Ada selects "Patrick Pavlak" and comments from the toolbar, mentioning Bea through the @ list.
  await selectInTurn(ada.page, 'Patrick Pavlak');
  await ada.page.getByTestId('add-comment').click();
  const adaPanel = ada.page.getByTestId('comments-panel');
  await expect(adaPanel.getByTestId('comment-composer')).toContainText('On “Patrick Pavlak”');
  await adaPanel.getByTestId('comment-input').fill('@Be');
  await expect(adaPanel.getByTestId('mention-suggestions')).toContainText('@Bea Reviewer');
  await adaPanel.getByTestId('comment-input').press('Tab');
  await adaPanel.getByTestId('comment-input').pressSequentially('is the name spelled right? <b>not bold</b>');
  await adaPanel.getByTestId('comment-submit').click();
  await expect(adaPanel.getByTestId('comment-thread')).toHaveCount(1);

  // Bea sees it without reloading: the words, the mention of her, the highlight in her text.
  const beaThread = beaPanel.getByTestId('comment-thread');
  await expect(beaThread).toHaveCount(1);
  await expect(beaThread.getByTestId('comment-quote')).toHaveText('“Patrick Pavlak”');
  await expect(beaThread.locator('.mention.is-me')).toHaveText('@Bea Reviewer');
  await expect(beaThread.getByTestId('comment-body').first()).toContainText('<b>not bold</b>');
  await expect(bea.page.getByTestId('transcript-editor').getByTestId('commented')).toHaveText(['Patrick Pavlak']);
  await expect(bea.page.getByTestId('turn-comment-marker')).toHaveText('1');
  await beaPanel.getByTestId('comments-mentions-me').check();
  await expect(beaThread).toHaveCount(1);
  // Clicking the highlighted words makes their thread the current one in the tab.
  await bea.page.getByTestId('transcript-editor').getByTestId('commented').click();
  await expect(beaThread).toHaveAttribute('aria-current', 'true');

  // Bea replies; Ada sees the reply live.
  await beaThread.getByTestId('comment-reply-input').fill('Yes, it is.');
  await beaThread.getByTestId('comment-reply-submit').click();
  await expect(adaPanel.getByTestId('comment-reply')).toContainText('Yes, it is.');
  await saveDocsScreenshot(bea.page, 'comments.png');

  // Ada types before the words and inside them: the anchor still covers them, for both.
  await selectInTurn(ada.page, 'So, hello', 0);
  await ada.page.keyboard.type('Well. ');
  await selectInTurn(ada.page, 'Patrick Pavlak', 'Patrick'.length);
  await ada.page.keyboard.type(' J.');
  await expect(beaThread.getByTestId('comment-quote')).toHaveText('“Patrick J. Pavlak”');
  await expect(adaPanel.getByTestId('comment-quote')).toHaveText('“Patrick J. Pavlak”');
  await expect.poll(() => bea.page.getByTestId('transcript-editor').getByTestId('commented').allTextContents().then((parts) => parts.join(''))).toBe('Patrick J. Pavlak');

  // Ada resolves it: gone from Bea's open list and from her text, listed as resolved.
  await adaPanel.getByTestId('comment-resolve').click();
  await expect(beaThread).toHaveCount(0);
  await expect(beaPanel.getByTestId('comments-open-count')).toHaveText('0 open');
  await expect(bea.page.getByTestId('transcript-editor').getByTestId('commented')).toHaveCount(0);
  await expect(bea.page.getByTestId('turn-comment-marker')).toHaveCount(0);
  await beaPanel.getByTestId('comments-filter').selectOption('resolved');
  await expect(beaThread.getByTestId('comment-resolved')).toContainText('Resolved by Ada Owner');

  // A comment in the second turn (Ctrl+Alt+M); merging that turn into the first rewrites its words, which
  // detaches the thread; "Attach again" finds the quoted words, now in the first turn.
  await beaPanel.getByTestId('comments-filter').selectOption('open');
  await beaPanel.getByTestId('comments-mentions-me').uncheck();
  await selectInTurn(ada.page, 'platform which encourages', undefined, 1);
  await ada.page.keyboard.press('Control+Alt+KeyM');
  await adaPanel.getByTestId('comment-input').fill('Check the wording with the speaker.');
  await adaPanel.getByTestId('comment-submit').click();
  await expect(beaThread.getByTestId('comment-quote')).toHaveText('“platform which encourages”');
  await selectInTurn(ada.page, "So it's a ", 0, 1);
  await ada.page.keyboard.press('Backspace');
  await expect(beaThread.getByTestId('comment-quote')).toContainText('(the words were deleted)');
  await beaThread.getByTestId('comment-reattach').click();
  await expect(adaPanel.getByTestId('comment-quote')).toHaveText('“platform which encourages”');
  await expect(bea.page.getByTestId('transcript-editor').getByTestId('commented')).toHaveText(['platform which encourages']);

  // That open comment blocks approval until Bea gives a waiver reason, which the approval records.
  await apiPost(ada.page, `/api/transcripts/${id}/review/submit`, {});
  await bea.page.keyboard.press('Alt+7');
  const review = bea.page.getByTestId('review-panel');
  await expect(review.getByTestId('open-issues')).toContainText('1 open comment');
  const approve = review.getByRole('button', { name: 'Approve with waiver' });
  await expect(approve).toBeDisabled();
  await review.getByTestId('waiver-reason').fill('The title is checked after the meeting.');
  await approve.click();
  await expect(review.getByTestId('approval-list')).toContainText('Waived: The title is checked after the meeting.');

  // The turn's margin marker opens the Comments tab on its thread.
  await bea.page.getByTestId('turn-comment-marker').click();
  await expect(bea.page.getByTestId('side-tab-comments')).toHaveAttribute('aria-selected', 'true');
  await expect(beaThread).toHaveAttribute('aria-current', 'true');
});
