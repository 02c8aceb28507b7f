/**
 * "Listen": the speech control with a stubbed speechSynthesis whose voices each test sets
 * (tests/support/speech-stub.ts). Shown only where the device has a voice of the page's
 * language, never another's; it reads the heading first, in the page's language, in short
 * chunks, the hours table as sentences, not the navigation or the share tools; pause, resume,
 * stop and the keyboard work; it moves nothing when it shows, and its script is fetched only
 * when it is pressed. What the pages say is read from the built page itself, never copied here.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { axeTags, deskSlugs } from '../support/site-pages';
import { uiString } from '../support/ui-strings';
import {
  endUtterance,
  speechCalls,
  spokenTexts,
  stubSpeech,
  type SpeechOptions,
} from '../support/speech-stub';

test.use({ viewport: { width: 360, height: 640 } });

const control = (page: Page) => page.locator('[data-read-aloud]');
const listen = (page: Page) => page.locator('[data-read-aloud] [data-listen]');
const stopButton = (page: Page) => page.locator('[data-read-aloud] [data-stop]');
const readerRequests = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/read-aloud\.[^/]+\.js$/.test(new URL(request.url()).pathname))
      urls.push(request.url());
  });
  return urls;
};
/** Text as the reader gives it to a voice: no direction marks, single spaces. */
const spoken = (text: string) =>
  text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function open(page: Page, path: string, options: SpeechOptions) {
  await stubSpeech(page, options);
  await page.goto(path);
}

/** Presses "listen" and waits until the whole page is read: the control says "listen" again. */
async function readToTheEnd(page: Page) {
  await listen(page).click();
  await expect(control(page)).toHaveAttribute('data-state', 'playing');
  await expect(control(page)).toHaveAttribute('data-state', 'idle', { timeout: 20_000 });
}

/** Waits long enough for the check after the first paint, and late voices, to have run. */
const settled = (page: Page) => page.waitForTimeout(600);

test('an Arabic page with an ar-SA voice reads its heading first, in Arabic, in short chunks', async ({
  page,
}) => {
  const requests = readerRequests(page);
  await open(page, '/ar/', {
    voices: [
      { lang: 'en-US', name: 'English' },
      { lang: 'ar-SA', name: 'Arabic' },
    ],
    endAfterMs: 5,
  });
  await expect(listen(page)).toBeVisible();
  await expect(listen(page)).toHaveText(uiString('ar', 'listen.start'));
  expect(requests, 'nothing of the reader before the press').toEqual([]);
  await readToTheEnd(page);
  expect(requests).toHaveLength(1);
  const calls = (await speechCalls(page)).filter((call) => call.op === 'speak');
  expect(calls.length).toBeGreaterThan(3);
  // The heading's words first (its lines may be joined by a space the markup lacks).
  const letters = (text = '') => spoken(text).replace(/\s/g, '');
  const heading = letters((await page.locator('main h1').first().textContent()) ?? '');
  expect(heading.startsWith(letters(calls[0]?.text ?? '-'))).toBe(true);
  for (const call of calls) {
    expect(call.lang, call.text).toMatch(/^ar\b/);
    expect(call.voice, call.text).toBe('ar-SA');
    expect(call.text?.length, call.text).toBeLessThanOrEqual(300);
    expect(call.text?.trim(), 'no empty chunk').not.toBe('');
  }
});

test('a Somali page with only Arabic and English voices shows no speech control', async ({
  page,
}) => {
  await open(page, `/so/sportelli/${deskSlugs[0]}/`, {
    voices: [
      { lang: 'ar-SA', name: 'Arabic' },
      { lang: 'en_GB', name: 'English' },
    ],
  });
  await settled(page);
  await expect(control(page)).toBeHidden();
});

test('a browser without speechSynthesis shows no speech control', async ({ page }) => {
  await open(page, '/it/', { voices: null });
  await settled(page);
  await expect(control(page)).toHaveCount(1);
  await expect(control(page)).toBeHidden();
});

test('voices that arrive late, with voiceschanged, show the control then', async ({ page }) => {
  await open(page, '/ta/', { voices: [{ lang: 'ta_IN', name: 'Tamil' }], lateMs: 3_000 });
  await page.waitForTimeout(300);
  await expect(control(page)).toBeHidden();
  await expect(listen(page)).toBeVisible({ timeout: 6_000 });
});

test('without JavaScript there is no control', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/it/orari/');
  await expect(control(page)).toBeHidden();
  await context.close();
});

test('showing the control moves nothing on the page', async ({ page }) => {
  await open(page, '/ar/orari/', { voices: [{ lang: 'ar-EG', name: 'Arabic' }], lateMs: 2_500 });
  const boxes = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => !element.closest('[data-read-aloud]'))
        .map((element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return `${element.localName} ${x},${y} ${width}x${height}`;
        }),
    );
  await page.waitForTimeout(300);
  const before = await boxes();
  await expect(listen(page)).toBeVisible({ timeout: 6_000 });
  expect(await boxes()).toEqual(before);
});

test('scrolled to the end, the floating control covers none of the footer', async ({ page }) => {
  await open(page, '/it/', { voices: [{ lang: 'it-IT', name: 'Italiano' }] });
  await expect(listen(page)).toBeVisible({ timeout: 6_000 });
  // Twice: the footer takes its real height only once drawn (content-visibility).
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  const footerEnd = await page
    .locator('.site-footer')
    .evaluate((footer) =>
      Math.max(...[...footer.querySelectorAll('*')].map((e) => e.getBoundingClientRect().bottom)),
    );
  const controlTop = (await control(page).boundingBox())?.y ?? 0;
  expect(footerEnd).toBeLessThanOrEqual(controlTop);
});

test('the hours table is read as sentences, and the navigation and share tools are not read', async ({
  page,
}) => {
  await open(page, '/it/orari/', { voices: [{ lang: 'it-IT', name: 'Italiano' }], endAfterMs: 2 });
  await readToTheEnd(page);
  const texts = await spokenTexts(page);
  const rows = await page
    .locator('.hours-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')),
    );
  expect(rows.length).toBeGreaterThan(0);
  const template = uiString('it', 'share.hours.group');
  for (const [day = '', times = ''] of rows) {
    const sentence = spoken(template.replace('{days}', day).replace('{times}', times));
    expect(texts, sentence).toContain(sentence);
  }
  const unread = [
    uiString('it', 'share.title'),
    uiString('it', 'nav.activities'),
    uiString('it', 'share.whatsapp'),
  ];
  for (const words of unread) expect(texts, words).not.toContain(words);
});

test('pause, resume and stop work from the keyboard, with the state announced', async ({
  page,
}) => {
  await open(page, `/it/sportelli/${deskSlugs[0]}/`, {
    voices: [{ lang: 'it-IT', name: 'Italiano' }],
  });
  await expect(listen(page)).toBeVisible();
  await listen(page).focus();
  await page.keyboard.press('Enter');
  const status = page.locator('[data-read-aloud] [role="status"]');
  await expect(status).toHaveText(uiString('it', 'listen.playing'));
  await expect(listen(page)).toHaveText(uiString('it', 'listen.pause'));
  await expect.poll(async () => (await spokenTexts(page)).length).toBe(1);
  await endUtterance(page);
  await expect.poll(async () => (await spokenTexts(page)).length).toBe(2);
  const reading = (await spokenTexts(page))[1];
  // The sentence being read is marked.
  await expect(page.locator('main [data-reading]')).toHaveCount(1);

  await page.keyboard.press('Space');
  await expect(status).toHaveText(uiString('it', 'listen.paused'));
  await expect(listen(page)).toHaveText(uiString('it', 'listen.resume'));
  expect((await speechCalls(page)).at(-1)?.op).toBe('cancel');
  await page.waitForTimeout(200);
  expect(await spokenTexts(page)).toHaveLength(2);

  await page.keyboard.press('Enter');
  await expect(status).toHaveText(uiString('it', 'listen.playing'));
  // Resumed at the sentence it was paused in.
  await expect.poll(async () => (await spokenTexts(page)).at(-1)).toBe(reading);
  expect(await spokenTexts(page)).toHaveLength(3);

  await page.keyboard.press('Tab');
  await expect(stopButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('');
  await expect(stopButton(page)).toBeHidden();
  await expect(listen(page)).toBeFocused();
  await expect(listen(page)).toHaveText(uiString('it', 'listen.start'));
  await expect(page.locator('main [data-reading]')).toHaveCount(0);
  expect((await speechCalls(page)).at(-1)?.op).toBe('cancel');
  // Nothing starts by itself afterwards.
  await page.waitForTimeout(300);
  expect(await spokenTexts(page)).toHaveLength(3);
});

test('it stops when focus moves into a form field, and on Escape', async ({ page }) => {
  await open(page, '/fr/programma/', { voices: [{ lang: 'fr-FR', name: 'Français' }] });
  await listen(page).click();
  await expect(control(page)).toHaveAttribute('data-state', 'playing');
  await page.locator('footer input[type="email"]').first().focus();
  await expect(control(page)).toHaveAttribute('data-state', 'idle');
  await listen(page).click();
  await expect(control(page)).toHaveAttribute('data-state', 'playing');
  await page.keyboard.press('Escape');
  await expect(control(page)).toHaveAttribute('data-state', 'idle');
});

for (const lang of ['it', 'ar']) {
  test(`the control, shown and playing, passes axe in ${lang} and breaks no CSP rule`, async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await open(page, `/${lang}/`, { voices: [{ lang, name: lang }] });
    await listen(page).click();
    await expect(stopButton(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(violations).toEqual([]);
  });
}
