import { expect, test, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { contentKey, decodeFrame, encodeUpdateFrame, type ClientToServerEvents, type ServerToClientEvents } from '@verity/common';
import { expectSaved, openEditor, turnText, twoOnOneTranscript } from './live-fixtures.ts';

// The concurrency hazards of server/src/collab/README.md, with the outcome it designs for each.
test.describe.configure({ timeout: 120_000 });

/**
 * Puts the caret in the first turn after `offset` characters, selecting `length` more. It sets the
 * DOM selection directly (Slate follows selectionchange): arrow keys around the speaker chip and the
 * zero-width nodes Slate renders are not counted reliably enough to aim at one word.
 */
async function placeCaret(page: Page, offset: number, length = 0) {
  await turnText(page).click();
  await page.evaluate(
    ([start, end]) => {
      const root = document.querySelector('[data-testid="turn"] .turn-text')!;
      const strings = Array.from(root.querySelectorAll('[data-slate-string]')).map((span) => span.firstChild as Text);
      const locate = (position: number): [Text, number] => {
        let remaining = position;
        for (const node of strings) {
          if (remaining <= node.data.length) return [node, remaining];
          remaining -= node.data.length;
        }
        const last = strings[strings.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(end));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [offset, offset + length] as const,
  );
  // Slate reads the DOM selection on selectionchange, throttled: let it catch up before typing.
  await page.waitForTimeout(150);
}

test('a split while someone types in the turn is refused with a notice, so their words keep their speaker', async ({ browser }) => {
  const { ada, bea } = await twoOnOneTranscript(browser, 'editor', 'first half second half');
  await ada.page.getByTestId('speaker-chip').first().click();
  const roster = ada.page.getByTestId('speaker-roster');
  await roster.getByRole('combobox').fill('Chair Person');
  await roster.getByRole('option', { name: /Add speaker/ }).click();
  await expect(bea.page.getByTestId('speaker-chip').first()).toHaveText('Chair Person');
  const speakerId = await bea.page.getByTestId('turn').first().getAttribute('data-speaker-id');
  expect(speakerId).not.toBe('');

  await placeCaret(bea.page, 'first half '.length);
  await turnText(ada.page).click();
  await ada.page.keyboard.press('End');
  const typing = ada.page.keyboard.type(' and more words', { delay: 50 });
  // Ada's typing claim travels ahead of her text on the same connection: once Bea sees the text,
  // she holds the claim, fresh.
  await expect(turnText(bea.page)).toContainText('first half second half and');
  await bea.page.keyboard.press('Enter');
  await expect(bea.page.getByTestId('editor-notice')).toContainText('Ada Owner is typing in this turn');
  await typing;

  for (const page of [ada.page, bea.page]) {
    await expect(page.getByTestId('turn')).toHaveCount(1);
    await expect(turnText(page)).toHaveText('first half second half and more words');
    await expect(page.getByTestId('turn').first()).toHaveAttribute('data-speaker-id', speakerId!);
    await expectSaved(page);
  }

  // The claim is soft: once Ada has paused past the claim window (4 s), the same split goes through.
  // Words before the caret keep the speaker; the new turn asks for its own (with-transcript.ts).
  await bea.page.waitForTimeout(4_500);
  await bea.page.keyboard.press('Enter');
  for (const page of [ada.page, bea.page]) {
    await expect(page.getByTestId('turn')).toHaveCount(2);
    await expect(page.getByTestId('turn').nth(0).locator('.turn-text')).toHaveText(/^first half\s*$/);
    await expect(page.getByTestId('turn').nth(0)).toHaveAttribute('data-speaker-id', speakerId!);
    await expect(page.getByTestId('turn').nth(1).locator('.turn-text')).toHaveText('second half and more words');
    await expect(page.getByTestId('turn').nth(1)).toHaveAttribute('data-speaker-id', '');
  }
  await expectSaved(bea.page);
  await ada.context.close();
  await bea.context.close();
});

test('two people fixing the same misheard word at once keep both fixes ("TheThe"), as designed', async ({ browser }) => {
  const { ada, bea, transcriptId } = await twoOnOneTranscript(browser, 'editor', 'so Teh cat sat');
  // Offline, Bea cannot see Ada's fix before making her own: a deterministic "same moment".
  await bea.context.setOffline(true);
  await expect(bea.page.getByTestId('save-status')).toContainText('Offline');
  await placeCaret(bea.page, 'so '.length, 'Teh'.length);
  await bea.page.keyboard.type('The');
  await placeCaret(ada.page, 'so '.length, 'Teh'.length);
  await ada.page.keyboard.type('The');
  await expectSaved(ada.page);
  await expect(turnText(ada.page)).toHaveText('so The cat sat');

  await bea.context.setOffline(false);
  // Both deletions of "Teh" merge; both insertions are kept (the server never guesses which to drop).
  const expected = 'so TheThe cat sat';
  await expect(turnText(bea.page)).toHaveText(expected, { timeout: 20_000 });
  await expect(turnText(ada.page)).toHaveText(expected);
  await expectSaved(bea.page);
  await ada.page.reload();
  await openEditor(ada.page, transcriptId);
  await expect(turnText(ada.page)).toHaveText(expected);
  await ada.context.close();
  await bea.context.close();
});

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

test('a viewer cannot change anything: the editor is read-only and a forged socket update is refused and not stored', async ({ browser, baseURL }) => {
  const { ada, bea, transcriptId } = await twoOnOneTranscript(browser, 'viewer', 'the record');
  await expect(bea.page.getByTestId('transcript-editor')).toHaveAttribute('contenteditable', 'false');
  await turnText(bea.page).click();
  await bea.page.keyboard.type('typed by the viewer');
  await bea.page.keyboard.press('Enter');
  await expect(turnText(bea.page)).toHaveText('the record');

  // The viewer's own session, outside the UI: a y-protocols client that edits and sends the update.
  const session = (await bea.context.cookies()).find((cookie) => cookie.name === 'verity_session');
  expect(session).toBeDefined();
  const socket: LiveSocket = io(baseURL!, { transports: ['websocket'], extraHeaders: { cookie: `verity_session=${session!.value}` }, reconnection: false, forceNew: true });
  try {
    const doc = new Y.Doc();
    socket.on('doc', ({ frame }) => {
      const decoded = decodeFrame(new Uint8Array(frame));
      if (decoded.kind === 'syncStep2' || decoded.kind === 'update') Y.applyUpdate(doc, decoded.update, 'server');
    });
    expect(await socket.emitWithAck('join', { transcriptId })).toMatchObject({ ok: true, role: 'viewer' });
    const root = doc.get(contentKey, Y.XmlText);
    await expect.poll(() => root.length).toBeGreaterThan(0);
    const before = Y.encodeStateVector(doc);
    const firstBlock = (root.toDelta() as { insert: Y.XmlText }[])[0]!.insert;
    firstBlock.insert(0, 'forged ');
    const forged = encodeUpdateFrame(Y.encodeStateAsUpdate(doc, before));
    const ack = await socket.emitWithAck('doc', { transcriptId, frame: forged as Uint8Array<ArrayBuffer> });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  } finally {
    socket.disconnect();
  }

  await turnText(ada.page).click();
  await ada.page.keyboard.press('End');
  await ada.page.keyboard.type(' stands');
  await expectSaved(ada.page);
  for (const page of [ada.page, bea.page]) {
    await page.reload();
    await openEditor(page, transcriptId);
    await expect(page.getByTestId('turn')).toHaveCount(1);
    await expect(turnText(page)).toHaveText('the record stands');
  }
  await ada.context.close();
  await bea.context.close();
});
