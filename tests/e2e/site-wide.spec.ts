/** What holds across the site: not-found pages, no JavaScript, text zoom, feeds, sitemap. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { locales } from '../../src/lib/locales';
import { formatTime } from '../../src/lib/dates';
import { activitySlugs, axeTags, sitePages } from '../support/site-pages';
import { hoursAsBuilt, titleIn } from '../support/content-facts';
import { hoursTableProblems } from '../support/built-hours';
import { uiString } from '../support/ui-strings';

test.describe('not found', () => {
  for (const { path, lang, dir } of [
    { path: '/ar/no-such-page/', lang: 'ar', dir: 'rtl' },
    { path: '/fr/sportelli/nope/', lang: 'fr', dir: 'ltr' },
    { path: '/no-such-page/', lang: 'it', dir: 'ltr' },
    { path: '/xx/orari/', lang: 'it', dir: 'ltr' },
  ]) {
    test(`${path} answers 404 in ${lang}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.locator('h1')).toHaveText(uiString(lang, 'notfound.title'));
      await expect(page.locator('main a')).toHaveAttribute('href', `/${lang}/`);
      const axe = await new AxeBuilder({ page }).withTags(axeTags).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor reads the hours and switches language', async ({ page }) => {
    const hours = hoursAsBuilt();
    const firstDay = hours.weekly.find((d) => d.slots.length > 0);
    await page.goto('/lingua/');
    await page.getByRole('link', { name: /العربية/ }).click();
    await expect(page).toHaveURL(/\/ar\/$/);
    await page
      .getByRole('navigation', { name: uiString('ar', 'nav.label') })
      .getByRole('link')
      .nth(1)
      .click();
    await expect(page).toHaveURL(/\/ar\/orari\/$/);
    if (firstDay) {
      await expect(page.locator(`tr[data-day="${firstDay.day}"] td`).first()).toContainText(
        formatTime(firstDay.slots[0]?.opens ?? '', 'ar-u-nu-latn'),
      );
    }
    expect(hoursTableProblems(await page.content(), hours, 'ar')).toEqual([]);
    // The language list opens with one tap, without JavaScript.
    await page.locator('details.languages > summary').click();
    await page.locator('nav.switcher').getByRole('link', { name: 'Italiano' }).click();
    await expect(page).toHaveURL(/\/it\/orari\/$/);
    expect(hoursTableProblems(await page.content(), hours, 'it')).toEqual([]);
  });
});

test('scripts are only deferred enhancements or structured data', async ({ request }) => {
  for (const { url } of sitePages) {
    const html = await (await request.get(url)).text();
    for (const [tag] of html.matchAll(/<script[^>]*>/g)) {
      // Module scripts run after the page is parsed; JSON-LD is data, never run. Scripts travel
      // inside the page (one request), each allowed by its hash in the page's CSP.
      expect(tag, url).toMatch(/^<script type="(module|application\/ld\+json)">$/);
    }
  }
});

// One test per language: each stays well within the test timeout however many languages follow.
for (const { code } of locales) {
  const pages = sitePages.filter(({ locale }) => locale.code === code);

  test.describe(`every ${code} page without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('shows its heading and text', async ({ page }) => {
      for (const { url } of pages) {
        await page.goto(url);
        await expect(page.locator('h1'), url).toBeVisible();
        expect((await page.locator('main').innerText()).length, url).toBeGreaterThan(40);
      }
    });

    test('opens on a phone with a short header and its heading on the first screen', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 360, height: 640 });
      for (const { url } of pages) {
        await page.goto(url);
        const header = await page.locator('body > header').boundingBox();
        const heading = await page.locator('h1').boundingBox();
        expect(header?.height, `${url} header`).toBeLessThanOrEqual(160);
        expect((heading?.y ?? Infinity) + (heading?.height ?? 0), `${url} h1`).toBeLessThanOrEqual(
          400,
        );
      }
    });
  });
}

test('text at 200 % still fits a phone-sized window without sideways scrolling', async ({
  page,
}) => {
  // 200 % text in a 640 px window is the 320 px reflow case with twice the letters.
  await page.setViewportSize({ width: 640, height: 800 });
  // The activity with the longest French name: the likeliest to overflow.
  const longest = activitySlugs.toSorted(
    (a, b) => titleIn('activities', b, 'fr').length - titleIn('activities', a, 'fr').length,
  )[0];
  for (const url of ['/it/', '/ar/orari/', `/fr/sportelli/${longest ?? ''}/`, '/en/programma/']) {
    await page.goto(url);
    // Through the CSSOM: the page's CSP rightly refuses an injected <style>.
    await page.evaluate(() =>
      document.documentElement.style.setProperty('font-size', '200%', 'important'),
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});

test('each language has its own RSS feed of notices', async ({ request }) => {
  for (const locale of locales) {
    const response = await request.get(`/${locale.code}/rss.xml`);
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain(`<language>${locale.code}</language>`);
    expect(xml).toContain('<channel>');
  }
});

test('the sitemap lists every page with its alternates, the chooser as x-default of the homes', async ({
  request,
}) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  expect(index).toContain('sitemap-0.xml');
  const xml = await (await request.get('/sitemap-0.xml')).text();
  const entries = [...xml.matchAll(/<url><loc>https?:\/\/[^/]+([^<]*)<\/loc>(.*?)<\/url>/g)];
  const listed = new Map(entries.map(([, path, links]) => [path, links ?? '']));
  const indexed = sitePages.filter((page) => page.listed);
  for (const { url, path } of indexed) {
    const links = listed.get(url);
    expect(links, `${url} in the sitemap`).toBeDefined();
    for (const other of locales) {
      expect(links).toMatch(
        new RegExp(`hreflang="${other.code}" href="https?://[^/]+/${other.code}${path}"`),
      );
    }
    expect(links).toMatch(/hreflang="x-default"/);
  }
  expect(listed.get('/')).toMatch(/hreflang="x-default" href="https?:\/\/[^/]+\/"/);
  expect(listed.size).toBe(indexed.length + 1);
});

test('robots.txt points to the sitemap', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
});
