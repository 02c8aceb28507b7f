/**
 * Installing: once a page is on screen, it links its language's web app manifest, so that "Add
 * to home screen" installs the Polo under its name in that language, opening at that
 * language's home page, with icons (a maskable one too) that exist.
 */
import { expect, test } from '@playwright/test';
import { locales } from '../../src/lib/locales';

interface Manifest {
  id: string;
  name: string;
  lang: string;
  dir: string;
  start_url: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

/** Text as read, without the invisible marks that isolate a name. */
const readable = (text: string) => text.replace(/[\u2066-\u2069]/g, '').trim();

for (const { code, dir } of locales) {
  test(`a page in ${code} links the manifest of ${code} once on screen`, async ({ page }) => {
    await page.goto(`/${code}/orari/`);
    const link = page.locator('link[rel="manifest"]');
    await expect(link).toHaveAttribute('href', `/${code}/manifest.webmanifest`);
    await expect(link).toHaveCount(1);

    const response = await page.request.get(`/${code}/manifest.webmanifest`);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({ id: `/${code}/`, start_url: `/${code}/`, lang: code, dir });
    // The name the header shows in this language (the Polo's own name in Italian).
    const brand = readable(
      (await page.locator('.brand .translated').count())
        ? await page.locator('.brand .translated').innerText()
        : await page.locator('.brand').innerText(),
    );
    expect(manifest.name).not.toBe('');
    expect(brand).toContain(readable(manifest.name));

    expect(manifest.icons.map((icon) => icon.purpose)).toEqual(
      expect.arrayContaining(['any', 'maskable']),
    );
    for (const icon of manifest.icons) {
      const image = await page.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()['content-type'], icon.src).toBe('image/png');
    }
  });
}

test('without JavaScript a page links no manifest: nothing to install that cannot keep it', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ar/');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  await context.close();
});
