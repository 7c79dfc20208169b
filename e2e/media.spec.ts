import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { apiPost } from './fixtures.ts';
import { openEditor, person } from './live-fixtures.ts';

const seedFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/seeds/001_cf143e0f9569e927.txt');
test.skip(!existsSync(seedFile), `seed 001 is missing (${seedFile})`);
test.describe.configure({ timeout: 180_000 });

/** A recording made by the bundled ffmpeg (a tone; nothing is downloaded): 40 s of MP3 by default. */
function makeRecording(args = ['-f', 'lavfi', '-i', 'sine=frequency=330:duration=40', '-c:a', 'libmp3lame', '-b:a', '64k'], name = 'hearing.mp3'): Buffer {
  const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-media-'));
  try {
    const file = path.join(dir, name);
    execFileSync(ffmpeg, ['-v', 'error', '-y', ...args, file]);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importSeed(page: Page): Promise<string> {
  await page.request.get('/api/setup');
  const token = (await page.request.storageState()).cookies.find((cookie) => cookie.name === 'verity_csrf')!.value;
  const response = await page.request.post(`/api/imports?title=${encodeURIComponent(`IGF ${randomBytes(4).toString('hex')}`)}`, {
    data: readFileSync(seedFile),
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': '001.txt', 'x-csrf-token': token },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { transcript: { id: string } }).transcript.id;
}

const audioTime = (page: Page) => page.getByTestId('media-audio').evaluate((element) => (element as HTMLAudioElement).currentTime);

test('seed 001: attach a recording with progress, play, time a turn with Alt+T while typing, seek from its timecode, split a turn at the playhead with Alt+Shift+T, the other editor sees it live, export SRT; a viewer plays only; an outsider gets 404', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const bea = await person(browser, 'Bea Editor');
  const cy = await person(browser, 'Cy Viewer');
  const dan = await person(browser, 'Dan Outsider');
  const id = await importSeed(ada.page);
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: bea.email, role: 'editor' });
  await apiPost(ada.page, `/api/transcripts/${id}/members`, { email: cy.email, role: 'viewer' });
  await openEditor(ada.page, id);
  await openEditor(bea.page, id);

  // Attach: chunks are slowed down so the progress bar is seen.
  await ada.page.route((url) => url.pathname.includes('/media/uploads/') && url.searchParams.has('offset'), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await ada.page.getByTestId('media-file-input').setInputFiles({ name: 'hearing.mp3', mimeType: 'audio/mpeg', buffer: makeRecording() });
  await expect(ada.page.getByTestId('media-upload-progress')).toBeVisible();
  await expect(ada.page.getByTestId('media-audio')).toBeAttached({ timeout: 30_000 });
  await expect(ada.page.getByTestId('media-time')).toHaveText(/^0:00 \/ 0:40/);
  await expect(ada.page.getByTestId('attach-recording')).toHaveText('Replace recording…');
  // Bea's player appears without a reload (the server announces the recording).
  await expect(bea.page.getByTestId('media-play')).toBeVisible();

  // Play: the playhead moves.
  await ada.page.getByTestId('media-play').click();
  await expect.poll(() => audioTime(ada.page), { timeout: 15_000 }).toBeGreaterThan(1);

  // Time the third turn while typing in it: Alt+T sets its start to the playhead, as Ada's edit.
  const third = ada.page.getByTestId('turn').nth(2);
  const turnId = (await third.getAttribute('data-turn-id'))!;
  await third.locator('.turn-text').click();
  await ada.page.keyboard.type(' ok');
  await ada.page.keyboard.press('Escape'); // Esc: pause while typing, oTranscribe-style
  await expect.poll(async () => ada.page.getByTestId('media-audio').evaluate((element) => (element as HTMLAudioElement).paused)).toBe(true);
  const playhead = await audioTime(ada.page);
  const startBefore = (await third.getAttribute('data-start')) ?? '';
  await ada.page.keyboard.press('Alt+t');
  const expected = Math.round(playhead * 10) / 10;
  await expect(third).toHaveAttribute('data-start', String(expected));
  // Bea sees the timing live, without reloading.
  await expect(bea.page.locator(`[data-testid="turn"][data-turn-id="${turnId}"]`)).toHaveAttribute('data-start', String(expected));
  await expect(third.locator('.turn-text')).toContainText(' ok');
  // The timing is Ada's own step of her undo history: Ctrl+Z reverts just it (her typing stays), for both.
  await ada.page.keyboard.press('Control+z');
  await expect(bea.page.locator(`[data-testid="turn"][data-turn-id="${turnId}"]`)).toHaveAttribute('data-start', startBefore);
  await expect(third.locator('.turn-text')).toContainText(' ok');
  await ada.page.keyboard.press('Control+Shift+z');
  await expect(bea.page.locator(`[data-testid="turn"][data-turn-id="${turnId}"]`)).toHaveAttribute('data-start', String(expected));

  // Seek: play from the start of turn three after moving away.
  await ada.page.getByTestId('waveform').click({ position: { x: 5, y: 20 } });
  await expect.poll(() => audioTime(ada.page)).toBeLessThan(2);
  await third.getByTestId('timecode-seek').click();
  await expect.poll(() => audioTime(ada.page)).toBeCloseTo(expected, 0);
  await expect(third).toHaveAttribute('data-playing', 'true');

  // "Pause while I type": a key in the text pauses, playback resumes a moment after the last one.
  const isPaused = () => ada.page.getByTestId('media-audio').evaluate((element) => (element as HTMLAudioElement).paused);
  await ada.page.getByTestId('media-pause-while-typing').check();
  if (await isPaused()) await ada.page.getByTestId('media-play').click();
  await expect.poll(isPaused).toBe(false);
  await third.locator('.turn-text').click();
  await ada.page.keyboard.type('x');
  await expect.poll(isPaused).toBe(true);
  await expect.poll(isPaused, { timeout: 5_000 }).toBe(false);
  await ada.page.keyboard.press('Escape');
  await expect.poll(isPaused).toBe(true);

  // Escape in a timecode being edited cancels the edit; playback is left alone.
  await third.getByRole('button', { name: /^Start time .*\. Edit$/ }).click();
  await expect(third.locator('.timecode-input')).toBeFocused();
  await ada.page.keyboard.press('Escape');
  await expect(third.locator('.timecode-input')).toHaveCount(0);
  expect(await isPaused()).toBe(true);

  // Alt+Shift+T splits the turn at the cursor: the words after it become a turn starting at the playhead.
  const turnCount = await ada.page.getByTestId('turn').count();
  const thirdText = (await third.locator('.turn-text').innerText()).replace(/\s+/g, '');
  await third.locator('.turn-text').click();
  await ada.page.keyboard.press('F2');
  await expect.poll(() => audioTime(ada.page)).toBeGreaterThan(expected + 2);
  const splitAt = Math.round((await audioTime(ada.page)) * 10) / 10;
  await ada.page.keyboard.press('Alt+Shift+T');
  await expect(ada.page.getByTestId('turn')).toHaveCount(turnCount + 1);
  const tail = ada.page.getByTestId('turn').nth(3);
  await expect(tail).toHaveAttribute('data-start', String(splitAt));
  await expect(third).toHaveAttribute('data-start', String(expected));
  const joined = `${await third.locator('.turn-text').innerText()}${await tail.locator('.turn-text').innerText()}`;
  expect(joined.replace(/\s+/g, '')).toBe(thirdText);
  await expect(bea.page.getByTestId('turn').nth(3)).toHaveAttribute('data-start', String(splitAt));

  // The viewer plays but cannot attach or time; the outsider cannot fetch the file.
  await openEditor(cy.page, id);
  await expect(cy.page.getByTestId('media-play')).toBeVisible();
  await expect(cy.page.getByTestId('attach-recording')).toHaveCount(0);
  const first = cy.page.getByTestId('turn').first();
  const firstStart = await first.getAttribute('data-start');
  await first.locator('.turn-text').click();
  await cy.page.keyboard.press('Alt+t');
  await cy.page.keyboard.press('Alt+Shift+T');
  await cy.page.waitForTimeout(500);
  await expect(first).toHaveAttribute('data-start', firstStart ?? '');
  await expect(cy.page.getByTestId('turn')).toHaveCount(turnCount + 1);
  expect((await dan.page.request.get(`/api/transcripts/${id}/media/file`)).status()).toBe(404);
  const range = await cy.page.request.get(`/api/transcripts/${id}/media/file`, { headers: { range: 'bytes=0-9' } });
  expect(range.status()).toBe(206);

  // SRT: refused while some turns have no start, then written once every turn is timed.
  const refused = await ada.page.request.get(`/api/transcripts/${id}/export?format=srt`);
  expect(refused.status()).toBe(415);
  expect(await refused.text()).toMatch(/no timings for \d+ of its \d+ turns/);
  const ids = await ada.page.getByTestId('turn').evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.turnId!));
  for (const [index, each] of ids.entries()) await apiPost(ada.page, `/api/transcripts/${id}/media/timings`, { turnId: each, start: index * 0.5 });
  const srt = await ada.page.request.get(`/api/transcripts/${id}/export?format=srt`);
  expect(srt.status()).toBe(200);
  const cues = (await srt.text()).trim().split(/\n\n+/);
  expect(cues[0]).toMatch(/^1\n00:00:00,000 --> 00:00:00,\d{3}\n- /); // "- " marks a change of speaker (split-cues rules)
  for (const cue of cues) {
    const [, timing, ...lines] = cue.split('\n');
    expect(timing).toMatch(/^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/);
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(42);
  }
  for (const one of [ada, bea, cy, dan]) await one.context.close();
});

test('a lost chunk and a lost answer to the last chunk: the upload resumes from the server\'s offset and ends attached', async ({ browser }) => {
  const ada = await person(browser, 'Ada Owner');
  const { transcript } = await apiPost<{ transcript: { id: string } }>(ada.page, '/api/transcripts', { title: `Media ${randomBytes(4).toString('hex')}` });
  await openEditor(ada.page, transcript.id);
  // 60 s of stereo WAV: 10 MB, two chunks.
  const wav = makeRecording(['-f', 'lavfi', '-i', 'sine=frequency=330:duration=60', '-ac', '2', '-c:a', 'pcm_s16le'], 'long.wav');
  const seen: number[] = [];
  let isFirstLost = false;
  await ada.page.route((url) => url.pathname.includes('/media/uploads/') && url.searchParams.has('offset'), async (route) => {
    const offset = Number(new URL(route.request().url()).searchParams.get('offset'));
    seen.push(offset);
    if (offset === 0 && !isFirstLost) {
      isFirstLost = true;
      return route.abort('connectionreset'); // never reached the server
    }
    if (offset > 0) {
      await route.fetch(); // the server stores it and attaches the recording…
      return route.abort('connectionreset'); // …but the answer is lost
    }
    return route.continue();
  });
  await ada.page.getByTestId('media-file-input').setInputFiles({ name: 'long.wav', mimeType: 'audio/wav', buffer: wav });
  await expect(ada.page.getByTestId('media-audio')).toBeAttached({ timeout: 30_000 });
  expect(seen).toEqual([0, 0, 8 * 1024 * 1024]);
  const { recording } = (await (await ada.page.request.get(`/api/transcripts/${transcript.id}/media`)).json()) as { recording: { sizeBytes: number; container: string } };
  expect(recording).toMatchObject({ sizeBytes: wav.length, container: 'wav' });
  await expect(ada.page.getByTestId('media-upload-error')).toHaveCount(0);
  await ada.context.close();
});

test('attach from a URL: the server fetches the recording (a local server here: this e2e server allows private addresses) and it plays', async ({ browser }) => {
  const mp3 = makeRecording(['-f', 'lavfi', '-i', 'sine=frequency=330:duration=12', '-c:a', 'libmp3lame', '-b:a', '64k'], 'from-url.mp3');
  const files = http.createServer((req, res) => {
    if (req.url === '/talks/opening.mp3') res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3.length }).end(mp3);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  try {
    const ada = await person(browser, 'Ada Owner');
    const { transcript } = await apiPost<{ transcript: { id: string } }>(ada.page, '/api/transcripts', { title: `Media ${randomBytes(4).toString('hex')}` });
    await openEditor(ada.page, transcript.id);
    await ada.page.getByTestId('attach-recording-url').click();
    await ada.page.getByTestId('media-url-input').fill(`${base}/nothing.mp3`);
    await ada.page.getByTestId('media-url-submit').click();
    await expect(ada.page.getByTestId('media-upload-error')).toContainText('answered 404');
    await ada.page.getByTestId('media-url-input').fill(`${base}/talks/opening.mp3`);
    await ada.page.getByTestId('media-url-submit').click();
    await expect(ada.page.getByTestId('media-audio')).toBeAttached({ timeout: 30_000 });
    await expect(ada.page.getByTestId('media-time')).toHaveText(/^0:00 \/ 0:12/);
    await expect(ada.page.getByTestId('media-upload-error')).toHaveCount(0);
    await ada.page.getByTestId('media-play').click();
    await expect.poll(() => audioTime(ada.page), { timeout: 15_000 }).toBeGreaterThan(0.5);
    await ada.context.close();
  } finally {
    files.close();
  }
});
