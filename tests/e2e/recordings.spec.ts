/**
 * Recordings staff attach, through a build of the content with a test desk whose Somali page
 * has an Opus recording and whose Sinhala page an MP3 one made before the Italian changed
 * (tests/fixtures/recording): the page offers the recording instead of the speech control,
 * fetches none of its bytes until the reader presses play, and says when it is out of date.
 * The fixture's hours.yaml gives the hours page a Somali and an Arabic recording made beside its
 * timetable, and a Sinhala one made when Monday closed earlier. The recording comes in ranges
 * from `npm start`'s server (Safari on iPhone plays nothing else). On the same build, with its
 * service worker: the reader's script is kept for offline use after its first use, and
 * recordings never are.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { runAstro, withFixture } from '../content/content-copy';
import { freePort, serveCopy, stopServer } from '../support/copy-site';
import { pageBudgetProblems } from '../support/page-budgets';
import { stubSpeech, spokenTexts } from '../support/speech-stub';
import { uiString } from '../support/ui-strings';
import { durationText } from '../../src/i18n/duration-text';
import { localeInfo } from '../../src/lib/locales';

const desk = '/sportelli/sportello-prova/';
let dir = '';
let site = '';
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 640 } });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = withFixture('tests/fixtures/recording');
  const build = runAstro('build', dir);
  expect(build.ok, build.output).toBe(true);
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  server = await serveCopy(dir, port);
});

test.afterAll(async () => {
  await stopServer(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Presses the player's own play button, at its start edge, as a reader does. */
async function pressPlay(page: Page) {
  const audio = page.locator('[data-recording] audio');
  const box = await audio.boundingBox();
  await audio.click({ position: { x: 24, y: (box?.height ?? 54) / 2 } });
}

const audioRequests = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/audio/')) urls.push(request.url());
  });
  return urls;
};

/**
 * Opens a Somali page with a recording, even with a Somali voice: the recording is offered
 * instead of the speech control, with its playing time, and none of its bytes are fetched.
 */
async function openRecorded(browser: Browser, path: string, screenshot: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = audioRequests(page);
  await stubSpeech(page, { voices: [{ lang: 'so-SO', name: 'Somali' }] });
  await page.goto(`${site}${path}`);
  const figure = page.locator('[data-recording]');
  await expect(figure).toHaveAttribute('data-recording', 'current');
  await expect(figure).toContainText(durationText(3, localeInfo('so').intl));
  const audio = figure.locator('audio');
  await expect(audio).toHaveAttribute('preload', 'none');
  await expect(page.locator('[data-read-aloud]')).toHaveCount(0);
  await page.screenshot({ path: screenshot });
  await page.waitForTimeout(500);
  expect(requests, 'no byte of the recording before play').toEqual([]);
  return { context, page, requests, audio };
}

test('a Somali page with a recording plays it, fetching nothing before play, and has no speech control', async ({
  browser,
}) => {
  const { context, page, requests, audio } = await openRecorded(
    browser,
    `/so${desk}`,
    'test-results/recording-so.png',
  );

  const ranges: { asked: string | undefined; status: number; sent: string | undefined }[] = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/audio/')) return;
    ranges.push({
      asked: response.request().headers()['range'],
      status: response.status(),
      sent: response.headers()['content-range'],
    });
  });
  await pressPlay(page);
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState))
    .toBeGreaterThanOrEqual(1);
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  // The player asks for a range and gets one, as Safari needs to play at all.
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges[0]).toMatchObject({ asked: expect.stringMatching(/^bytes=/), status: 206 });
  expect(ranges[0]?.sent).toMatch(/^bytes 0-\d+\/\d+$/);
  await context.close();
});

test('a page with a recording stays within the first-visit budgets', () => {
  const client = join(dir, 'dist', 'client');
  for (const lang of ['so', 'si']) {
    expect(pageBudgetProblems(client, `${lang}${desk}index.html`)).toEqual([]);
    expect(pageBudgetProblems(client, `${lang}/orari/index.html`)).toEqual([]);
  }
});

test('the Somali hours page plays its recording, fetching nothing before play', async ({
  browser,
}) => {
  const { context, page, requests, audio } = await openRecorded(
    browser,
    '/so/orari/',
    'test-results/recording-hours-so.png',
  );
  await expect(audio).toHaveAttribute('src', /^\/audio\/orari-so\.opus$/);

  await pressPlay(page);
  await expect.poll(() => requests.length).toBeGreaterThan(0);
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  await context.close();
});

test('an hours recording made before the timetable changed says so; other languages keep the speech control', async ({
  page,
}) => {
  await page.goto(`${site}/si/orari/`);
  const figure = page.locator('[data-recording]');
  await expect(figure).toHaveAttribute('data-recording', 'outdated');
  await expect(figure).toContainText(uiString('si', 'listen.recording.outdated'));

  await page.goto(`${site}/ar/orari/`);
  await expect(page.locator('[data-recording]')).toHaveAttribute('data-recording', 'current');
  await page.screenshot({ path: 'test-results/recording-hours-ar.png' });

  for (const lang of ['it', 'en']) {
    await page.goto(`${site}/${lang}/orari/`);
    await expect(page.locator('[data-recording]')).toHaveCount(0);
    await expect(page.locator('[data-read-aloud]')).toHaveCount(1);
  }
  await page.screenshot({ path: 'test-results/recording-hours-en.png' });
});

test('a recording made before the Italian changed says so, in the page’s language', async ({
  page,
}) => {
  await page.goto(`${site}/si${desk}`);
  const figure = page.locator('[data-recording]');
  await expect(figure).toHaveAttribute('data-recording', 'outdated');
  await expect(figure).toContainText(uiString('si', 'listen.recording.outdated'));
  await page.screenshot({ path: 'test-results/recording-si.png' });
});

test('the reader is kept for offline use after its first use; recordings never are', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await stubSpeech(page, { voices: [{ lang: 'it-IT', name: 'Italiano' }], endAfterMs: 5 });
  await page.goto(`${site}/it/orari/`);
  // The worker keeps the language, then answers this page's requests.
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match('/it/'))), { timeout: 30_000 })
    .toBe(true);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
  await page.locator('[data-listen]').click();
  await expect.poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(0);
  const kept = () =>
    page.evaluate(async () =>
      (
        await Promise.all(
          (await caches.keys()).map(async (name) => (await caches.open(name)).keys()),
        )
      )
        .flat()
        .map((request) => new URL(request.url).pathname),
    );
  await expect
    .poll(async () => (await kept()).some((p) => /^\/_astro\/read-aloud\./.test(p)))
    .toBe(true);

  // A recording played online is not kept either.
  await page.goto(`${site}/so${desk}`);
  await pressPlay(page);
  await page.waitForTimeout(1_000);
  expect((await kept()).filter((p) => p.startsWith('/audio/'))).toEqual([]);

  await context.setOffline(true);
  await page.goto(`${site}/it/orari/`);
  await page.locator('[data-listen]').click();
  await expect.poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(0);
  await context.close();
});
