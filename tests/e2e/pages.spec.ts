/** Every page in every language: it answers, speaks its language, links its translations. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales } from '../../src/lib/locales';
import { axeTags, sitePages } from '../support/site-pages';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
}

for (const { locale, path, url, listed } of sitePages) {
  test(`${url} in ${locale.label}`, async ({ page, baseURL }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);

    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', locale.code);
    await expect(html).toHaveAttribute('dir', locale.dir);
    await expect(page.locator('h1')).toHaveCount(1);

    if (listed) {
      // hreflang alternates: every language, plus x-default.
      for (const other of locales) {
        await expect(page.locator(`link[rel=alternate][hreflang="${other.code}"]`)).toHaveAttribute(
          'href',
          new RegExp(`/${other.code}${path.replace(/\//g, '\\/')}$`),
        );
      }
      await expect(page.locator('link[rel=alternate][hreflang="x-default"]')).toHaveCount(1);
      await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
        'href',
        new RegExp(`${url}$`),
      );
    } else {
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.locator('link[rel=canonical], link[hreflang]')).toHaveCount(0);
    }

    // The switcher lands on the same page in each other language.
    const switcher = page.locator('nav.switcher');
    for (const other of locales) {
      const link = switcher.locator(`a[hreflang="${other.code}"]`);
      await expect(link).toHaveAttribute('href', `/${other.code}${path}`);
      await expect(link).toHaveAttribute('lang', other.code);
    }
    await expect(switcher.locator('[aria-current="page"]')).toHaveAttribute(
      'hreflang',
      locale.code,
    );

    // No broken internal link.
    const hrefs = await page
      .locator('a[href^="/"], link[rel=alternate][href^="http"]')
      .evaluateAll((els) =>
        els
          .map((el) => el.getAttribute('href') ?? '')
          .map((h) => h.replace(/^https?:\/\/[^/]+/, '')),
      );
    for (const href of new Set(hrefs.map((h) => h.split('#')[0] ?? h))) {
      const answer = await page.request.get(new URL(href, baseURL).href);
      expect(answer.status(), `link to ${href}`).toBe(200);
    }

    await expectNoAxeViolations(page);

    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(page);
  });
}
