/**
 * Offline, after one visit, through the site's own build: the saved copy's date in languages
 * Chromium has no date words for (Sinhala, Somali), in the language's month names; and a page
 * never saved (another language, the newsletter, a mistyped address) answered by a page in the
 * language of its path, right to left in Arabic, listing what the device keeps.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { formatDate } from '../../src/lib/dates';
import { localeInfo } from '../../src/lib/locales';
import { misnamedMonths } from '../support/month-names';
import { axeTags } from '../support/site-pages';
import { uiString } from '../support/ui-strings';

test.use({ viewport: { width: 360, height: 640 } });

/** The Italian calendar day of an instant, e.g. '2026-12-04T23:30:00Z' => '2026-12-05'. */
const italianDay = (iso: string) =>
  new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/** Opens a language's home and waits until the worker keeps its home and hours. */
async function visit(context: BrowserContext, lang: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/${lang}/`);
  await expect
    .poll(
      () =>
        page.evaluate(
          async (paths) => {
            const cache = await caches.open('polo-pages');
            return (await Promise.all(paths.map((p) => cache.match(p)))).every(Boolean);
          },
          [`/${lang}/`, `/${lang}/orari/`],
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  return page;
}

for (const lang of ['si', 'so']) {
  test(`the saved copy's date is in ${lang} words, with ${lang} month names`, async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = await visit(context, lang);
    await context.setOffline(true);
    await page.goto(`/${lang}/orari/`);
    const date = page.locator('[data-offline-notice] time');
    await expect(date).toBeVisible();
    const text = await date.innerText();
    const saved = italianDay((await date.getAttribute('datetime')) ?? '');
    expect(text).toBe(formatDate(saved, localeInfo(lang as never).intl));
    expect(misnamedMonths(lang, text)).toEqual([]);
    await context.close();
  });
}

test('offline, a page never saved opens a page in the language of its path, listing the saved ones', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext();
  const page = await visit(context, 'ar');
  await context.setOffline(true);

  for (const [path, lang] of [
    ['/ar/newsletter/', 'ar'],
    ['/ar/nonexistent/', 'ar'],
    ['/it/newsletter/', 'it'],
    ['/it/nonexistent/', 'it'],
    // No language in the path: the last one read.
    ['/nonexistent', 'ar'],
  ] as const) {
    await page.goto(path);
    const { dir, intl } = localeInfo(lang);
    await expect(page.locator('html'), path).toHaveAttribute('lang', lang);
    await expect(page.locator('html'), path).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(
      uiString(lang, 'offline.missing.title'),
    );
    // The Arabic pages kept, each with the day it was saved, in the page's words.
    const home = page.locator('li', { has: page.locator('a[href="/ar/"]') });
    await expect(home, path).toBeVisible();
    const saved = await page.evaluate(async () => {
      const held = await (await caches.open('polo-pages')).match('/ar/');
      return held?.headers.get('date') ?? '';
    });
    const day = formatDate(italianDay(new Date(saved).toISOString()), intl);
    await expect(home.locator('small'), path).toHaveText(
      uiString(lang, 'offline.missing.item').replace('{date}', day),
    );
    await expect(page.locator('a[href="/ar/orari/"]'), path).toBeVisible();
    // Each saved page can be told from the others (a desk from its card).
    const titles = await page.locator('li a').allInnerTexts();
    expect(new Set(titles).size, path).toBe(titles.length);
    // Arabic titles in an Italian page are marked as Arabic.
    if (lang !== 'ar') await expect(home.locator('a')).toHaveAttribute('lang', 'ar');
  }

  for (const lang of ['it', 'ar']) {
    await page.goto(`/${lang}/nonexistent/`);
    const axe = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.screenshot({
      path: testInfo.outputPath(`offline-page-${lang}-360.png`),
      fullPage: true,
    });
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 640 });
  }

  // Back online, the same address gets the network's answer.
  await context.setOffline(false);
  const online = await page.goto('/it/newsletter/');
  expect(online?.status()).toBe(200);
  await expect(page.locator('[data-offline-page]')).toHaveCount(0);
  await context.close();
});
