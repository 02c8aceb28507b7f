/**
 * The first address: `/` opens in the language the browser asks for, or shows the chooser,
 * whose seven languages are all in the first screen of a small phone, each in its own name,
 * script and direction; `/lingua/` shows the chooser whatever the browser asks.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { locales } from '../../src/lib/locales';
import { axeTags } from '../support/site-pages';
import { uiString } from '../support/ui-strings';

test.use({ viewport: { width: 360, height: 640 } });

/** A browser set to `locale` (its Accept-Language and navigator.languages). */
async function pageIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 640 } });
  return context.newPage();
}

for (const [locale, home] of [
  ['so', '/so/'],
  ['ar-EG', '/ar/'],
  ['ta-LK', '/ta/'],
] as const) {
  test(`a browser in ${locale} opening / lands on ${home}`, async ({ browser }) => {
    const page = await pageIn(browser, locale);
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await page.context().close();
  });
}

/** The chooser's seven links, each whole inside the window. */
async function expectSevenInFirstScreen(page: Page) {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  for (const locale of locales) {
    const link = page.locator(`a[href="/${locale.code}/"]`);
    const box = await link.boundingBox();
    expect(box, locale.code).not.toBeNull();
    if (!box) continue;
    expect(box.y, `${locale.code} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${locale.code} ends on the first screen`).toBeLessThanOrEqual(
      height,
    );
    expect(box.x + box.width, `${locale.code} fits the width`).toBeLessThanOrEqual(width);
    // Big enough to tap.
    expect(box.height, locale.code).toBeGreaterThanOrEqual(44);
  }
}

test('a browser in no site language sees every language, in its own name and direction, on the first screen', async ({
  browser,
}) => {
  const page = await pageIn(browser, 'de-DE');
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(page.url()).toMatch(/\/$/);
  for (const locale of locales) {
    const item = page.locator(`li[lang="${locale.code}"]`).filter({ has: page.locator('a') });
    await expect(item).toHaveAttribute('dir', locale.dir);
    const link = item.locator(`a[href="/${locale.code}/"]`);
    await expect(link).toHaveAttribute('hreflang', locale.code);
    await expect(link).toContainText(locale.label);
    await expect(link).toContainText(uiString(locale.code, 'chooser.title'));
  }
  await expectSevenInFirstScreen(page);
  await page.screenshot({ path: 'test-results/chooser-360.png' });
  const axe = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.setViewportSize({ width: 320, height: 640 });
  await expectSevenInFirstScreen(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/chooser-320.png' });
  await page.context().close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'ar' });

  test('/lingua/ keeps the chooser for a reader whose browser names a site language', async ({
    page,
  }) => {
    const response = await page.goto('/lingua/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/lingua\/$/);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', /\/$/);
    await expectSevenInFirstScreen(page);
    await page.getByRole('link', { name: /Soomaali/ }).click();
    await expect(page).toHaveURL(/\/so\/$/);
  });
});
