/**
 * What an app does with a shared link: reads the page's Open Graph tags, then fetches the image
 * they name from the site. Every desk and the home page, in every language, through the server.
 */
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { locales } from '../../src/lib/locales';
import { activitySlugs, deskSlugs } from '../support/site-pages';

const pages = locales.flatMap((locale) => [
  { locale, path: `/${locale.code}/`, image: `/${locale.code}/anteprima.png` },
  ...activitySlugs.map((slug) => ({
    locale,
    path: `/${locale.code}/sportelli/${slug}/`,
    image: `/${locale.code}/sportelli/${slug}/anteprima.png`,
  })),
]);

for (const { locale, path, image } of pages) {
  test(`${path} previews as ${image}`, async ({ page, baseURL }) => {
    await page.goto(path);
    const meta = (property: string) =>
      page.locator(`meta[property="${property}"]`).getAttribute('content');

    expect(await meta('og:locale')).toBe(locale.og);
    expect(await meta('og:title')).toBeTruthy();
    expect(await meta('og:description')).toBeTruthy();
    expect(await meta('og:url')).toBe(
      await page.locator('link[rel=canonical]').getAttribute('href'),
    );
    const url = new URL((await meta('og:image')) ?? '');
    expect(url.pathname).toBe(image);

    // The build names the public address; here the same path is asked of the test server.
    const answer = await page.request.get(new URL(url.pathname, baseURL).href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('image/png');
    const bytes = await answer.body();
    expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect([String(png.width), String(png.height)]).toEqual([
      await meta('og:image:width'),
      await meta('og:image:height'),
    ]);
  });
}

test('a page does not fetch its preview image', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const url = `/ar/sportelli/${deskSlugs[0] ?? ''}/`;
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(fetched).toContain(url);
  expect(fetched.filter((path) => path.endsWith('.png'))).toEqual([]);
});
