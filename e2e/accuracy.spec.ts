import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { importSeed000, skipWithoutSeed000 } from './seed-fixtures.ts';
import { expectSaved, openEditor, openSideTab, person } from './live-fixtures.ts';

skipWithoutSeed000();
test.describe.configure({ timeout: 180_000 });

const sentence = 'So the movement that the GAC made';

/** Selects `word` inside the turn whose text contains `context`, as a person would before typing over it. */
async function selectWord(page: Page, context: string, word: string) {
  const turn = page.getByTestId('turn').filter({ hasText: context }).first();
  await turn.scrollIntoViewIfNeeded();
  await turn.locator('.turn-text').click();
  await turn.evaluate(
    (element, [within, target]) => {
      for (const span of Array.from(element.querySelectorAll('[data-slate-string]'))) {
        const node = span.firstChild as Text;
        const at = node.data.indexOf(within);
        if (at === -1) continue;
        const start = at + within.indexOf(target);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + target.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${within}" not found`);
    },
    [context, word] as const,
  );
  // Slate reads the DOM selection on selectionchange, throttled: let it catch up before typing.
  await page.waitForTimeout(150);
}

test('seed 000: a reviewer types over GAC, classifies the correction from the history; the other sees the class live, in the editor too, and the report gives NER by class', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Reviewer');
  const id = await importSeed000(ada.page, 'Accuracy');
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'reviewer' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);

  // Bea watches the History panel's Corrections view (no reload below).
  await openSideTab(bea.page, 'history');
  await bea.page.getByTestId('history-panel').getByRole('tab', { name: 'Corrections' }).click();
  await expect(bea.page.getByTestId('corrections-list')).toContainText('No corrections yet');

  // Ada types over one GAC.
  await selectWord(ada.page, sentence, 'GAC');
  await ada.page.keyboard.type('GFCE');
  await expect(ada.page.getByTestId('turn').filter({ hasText: 'So the movement that the GFCE made' })).toHaveCount(1);
  await expectSaved(ada.page);

  // The correction appears for both; Ada classifies it: recognition (standard comes with it).
  await openSideTab(ada.page, 'history');
  await ada.page.getByTestId('history-panel').getByRole('tab', { name: 'Corrections' }).click();
  const adaRow = ada.page.getByTestId('correction-row').filter({ hasText: 'GAC → GFCE' });
  await expect(adaRow).toHaveCount(1);
  await expect(adaRow).toHaveAttribute('data-class', 'none');
  await expect(adaRow).toContainText('…movement that the GAC → GFCE made from awareness…');
  await adaRow.getByTestId('correction-type').selectOption('recognition');
  await expect(adaRow).toHaveAttribute('data-class', 'recognition/standard');
  await expect(adaRow).toContainText('by Ada Owner');

  // Bea's list follows within a second, without a reload.
  const beaRow = bea.page.getByTestId('correction-row').filter({ hasText: 'GAC → GFCE' });
  await expect(beaRow).toHaveAttribute('data-class', 'recognition/standard', { timeout: 2_000 });
  await expect(beaRow.getByTestId('correction-severity')).toHaveValue('standard');
  await expect(bea.page.getByTestId('corrections-summary')).toContainText('1 correction raw → current, 0 unclassified');

  // From the editor: Bea's caret in that turn, Alt+C opens the same control for it; she reclassifies it serious.
  await selectWord(bea.page, 'So the movement that the GFCE made', 'movement');
  await bea.page.keyboard.press('Alt+C');
  const popover = bea.page.getByTestId('turn-corrections');
  await expect(popover.getByTestId('correction-row')).toHaveCount(1);
  await popover.getByTestId('correction-severity').selectOption('serious');
  await expect(popover.getByTestId('correction-row')).toHaveAttribute('data-class', 'recognition/serious');
  await expect(adaRow).toHaveAttribute('data-class', 'recognition/serious', { timeout: 2_000 });
  await popover.getByRole('button', { name: 'Close' }).click();

  // The Review & export panel shows NER and WER; the correction report gives NER and the counts by class.
  await openSideTab(ada.page, 'review');
  const { summary } = (await (await ada.page.request.get(`/api/transcripts/${id}/corrections`)).json()) as { summary: { rawWords: number } };
  const ner = (((summary.rawWords - 1) / summary.rawWords) * 100).toFixed(2);
  await expect(ada.page.getByTestId('accuracy-ner')).toHaveText(`NER ${ner}`);
  await expect(ada.page.getByTestId('accuracy-wer')).toContainText('WER');
  await expect(ada.page.getByTestId('accuracy-counts')).toContainText('recognition0010');
  await ada.page.getByTestId('export-format').selectOption('report');
  const download = ada.page.waitForEvent('download');
  await ada.page.getByTestId('export-download').click();
  const report = readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('compared with the current text \\(no version is approved\\)');
  expect(report).toContain(`| NER (unclassified as standard recognition) | ${ner} (passes 98) |`);
  expect(report).toContain('| Classified / unclassified | 1 / 0 |');
  expect(report).toContain('| Recognition | 0 | 0 | 1 | 0 |');
  expect(report).toContain('- replaced "GAC" with "GFCE" · recognition, serious');

  await Promise.all([ada.context.close(), bea.context.close()]);
});
