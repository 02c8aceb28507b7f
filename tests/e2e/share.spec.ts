/**
 * The social workers' tools: the WhatsApp message in the page's language, a QR code that a
 * phone reads back as the page's address, one clean A4 page when printed, the two-language
 * card, and what is left of all this without JavaScript.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { localeInfo, locales } from '../../src/lib/locales';
import { formatTime, weekdayName } from '../../src/lib/dates';
import { activitySlugs, deskSlugs, networkSlugs } from '../support/site-pages';
import { hoursAsBuilt, titleIn } from '../support/content-facts';
import { place } from '../support/place';
import { uiString } from '../support/ui-strings';

/** The first day the Polo opens in the week, and its first period, as hours.yaml says. */
const firstOpenDay = hoursAsBuilt().weekly.find((d) => d.slots.length > 0);
/** Two desks to share, e.g. the first two in the site's order (the same one if only one). */
const [desk = '', otherDesk = desk] = deskSlugs;

/** Monday in the language, e.g. 'lunedì', 'الاثنين': every table lists every day. */
const monday = (intl: string) => weekdayName('monday', intl);

/** What a phone camera would read in the QR code. */
async function readQr(code: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await code.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function canonical(page: Page): Promise<string> {
  return (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
}

const a4 = { width: 595.28, height: 841.89 }; // PDF points

/** Prints the page as Chromium does and counts the sheets. */
async function printedPages(page: Page) {
  const pdf = await PDFDocument.load(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  return pdf.getPages().map((p) => p.getSize());
}

for (const locale of locales) {
  const activityPages = activitySlugs.map((slug) => `/${locale.code}/sportelli/${slug}/`);

  for (const url of [...activityPages, `/${locale.code}/orari/`]) {
    // A network (the Tavolo) receives no one: its message and its printout carry no hours.
    const withHours = !networkSlugs.some((slug) => url.endsWith(`/sportelli/${slug}/`));
    test(`${url}: WhatsApp in ${locale.label}, QR code, one A4 page`, async ({ page }) => {
      await page.goto(url);
      const address = await canonical(page);
      expect(address).toMatch(new RegExp(`^https?://[^/]+${url}$`));

      // The WhatsApp message: the page's name, where, the hours in its language, the link last.
      const whatsapp = new URL(
        (await page.locator('a[data-share-whatsapp]').getAttribute('href')) ?? '',
      );
      expect(whatsapp.origin + whatsapp.pathname).toBe('https://wa.me/');
      const message = whatsapp.searchParams.get('text') ?? '';
      const lines = message.split('\n');
      expect(lines.at(-1)).toBe(address);
      const heading = (await page.locator('h1').innerText()).replace(/[\u2066-\u2069]/g, '');
      expect(lines[0]).toContain(heading);
      if (withHours) {
        expect(lines[1]).toContain(`${place.venue}, ${place.city}`);
        expect(lines[2]).toContain(uiString(locale.code, 'share.hours').replace('{hours}', ''));
        if (firstOpenDay) {
          expect(lines[2]).toContain(weekdayName(firstOpenDay.day, locale.intl));
          expect(lines[2]).toContain(formatTime(firstOpenDay.slots[0]?.opens ?? '', locale.intl));
        }
      } else {
        expect(lines).toHaveLength(2);
        await expect(page.locator('a[data-share-card]')).toHaveCount(0);
      }
      expect(message).not.toMatch(/[\u2066-\u2069]/);

      // The QR code on screen holds the address, written out beneath it.
      const code = page.locator('.share [data-qr] svg');
      expect(await readQr(code)).toBe(address);
      await expect(page.locator('.share [data-share-link]')).toHaveText(address);

      // On paper: one A4 sheet; the QR code is there, menus, footer and buttons are not.
      const sheets = await printedPages(page);
      expect(sheets, 'printed pages').toHaveLength(1);
      expect(sheets[0]?.width).toBeCloseTo(a4.width, 0);
      expect(sheets[0]?.height).toBeCloseTo(a4.height, 0);
      await page.emulateMedia({ media: 'print' });
      await expect(code).toBeVisible();
      expect(await readQr(code)).toBe(address);
      await expect(page.locator('.share [data-share-link]')).toBeVisible();
      for (const hidden of ['header nav', 'footer', 'button', '.share a', '.share h2']) {
        await expect(page.locator(`${hidden}:visible`), hidden).toHaveCount(0);
      }
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('table.hours-table')).toHaveCount(withHours ? 1 : 0);
      if (withHours) await expect(page.locator('table.hours-table')).toBeVisible();
    });
  }

  for (const slug of deskSlugs) {
    const url = `/${locale.code}/sportelli/${slug}/scheda/`;
    test(`${url}: the card in ${locale.label} and Italian, one A4 page`, async ({ page }) => {
      await page.goto(`/${locale.code}/sportelli/${slug}/`);
      await expect(page.locator('a[data-share-card]')).toHaveAttribute('href', url);
      const activityAddress = await canonical(page);

      await page.goto(url);
      const sides = page.locator('[data-card] .side');
      if (locale.code === 'it') {
        await expect(sides).toHaveCount(1);
      } else {
        await expect(sides).toHaveCount(2);
        // The client's half first, then the Italian; each reads in its own direction.
        const client = sides.nth(0);
        const italian = sides.nth(1);
        await expect(client).toHaveAttribute('lang', locale.code);
        await expect(client).toHaveAttribute('dir', locale.dir);
        await expect(italian).toHaveAttribute('lang', 'it');
        await expect(italian).toHaveAttribute('dir', 'ltr');
        expect(await client.evaluate((el) => getComputedStyle(el).direction)).toBe(locale.dir);
        expect(await italian.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
        await expect(italian.locator('caption')).toHaveText(uiString('it', 'activity.hours.title'));
        await expect(italian.locator('tr[data-day="monday"] th')).toHaveText(/lunedì/i);
        await expect(client.locator('tr[data-day="monday"] th')).toHaveText(
          new RegExp(monday(locale.intl), 'i'),
        );
      }
      await expect(sides.nth(0).locator('h1')).toHaveCount(1);
      await expect(page.locator('[data-card] .brand')).toContainText(uiString('it', 'site.name'));

      // The QR code opens the desk's page in the client's language.
      const code = page.locator('[data-card] [data-qr] svg');
      expect(await readQr(code)).toBe(activityAddress);

      const sheets = await printedPages(page);
      expect(sheets, 'printed pages').toHaveLength(1);
      expect(sheets[0]?.height).toBeCloseTo(a4.height, 0);
      await page.emulateMedia({ media: 'print' });
      expect(await readQr(code)).toBe(activityAddress);
      for (const hidden of ['header', 'footer', 'button', '.tools', '.chooser']) {
        await expect(page.locator(`${hidden}:visible`), hidden).toHaveCount(0);
      }
    });
  }
}

test('on a wide screen and on paper the Arabic half sits to the right of the Italian', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`/ar/sportelli/${desk}/scheda/`);
  const arabic = await page.locator('.side[lang="ar"]').boundingBox();
  const italian = await page.locator('.side[lang="it"]').boundingBox();
  expect(arabic && italian && arabic.x > italian.x + italian.width - 1).toBe(true);
  // On paper too, even where the window is narrow: the two halves side by side.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.emulateMedia({ media: 'print' });
  const arabicOnPaper = await page.locator('.side[lang="ar"]').boundingBox();
  const italianOnPaper = await page.locator('.side[lang="it"]').boundingBox();
  expect(arabicOnPaper?.y).toBe(italianOnPaper?.y);
  expect(arabicOnPaper && italianOnPaper && arabicOnPaper.x > italianOnPaper.x).toBe(true);
});

test('the Italian card lets the social worker choose the client’s language', async ({ page }) => {
  await page.goto(`/it/sportelli/${otherDesk}/scheda/`);
  const chooser = page.locator('.chooser');
  await expect(chooser).toContainText(uiString('it', 'card.choose'));
  for (const other of locales.filter((l) => l.code !== 'it')) {
    const link = chooser.locator(`a[hreflang="${other.code}"]`);
    await expect(link).toHaveAttribute('href', `/${other.code}/sportelli/${otherDesk}/scheda/`);
    await expect(link).toHaveAttribute('lang', other.code);
    await expect(link).toHaveText(other.label);
  }
  await chooser.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/sportelli/${otherDesk}/scheda/$`));
  await expect(page.locator('.side[lang="ar"] h1')).toBeVisible();
});

test.describe('with JavaScript', () => {
  test('copies the link and says so in the page’s language', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/fr/sportelli/${desk}/`);
    const copy = page.locator('[data-share-copy]');
    await expect(copy).toBeVisible();
    await expect(copy).toHaveText(uiString('fr', 'share.copy'));
    await copy.click();
    await expect(page.locator('[data-share-feedback]')).toHaveText(
      uiString('fr', 'share.copy.done'),
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await canonical(page));
  });

  test('when copying fails, selects the link and says how to copy it', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.goto('/ar/orari/');
    await page.locator('[data-share-copy]').click();
    await expect(page.locator('[data-share-feedback]')).toHaveText(
      uiString('ar', 'share.copy.failed'),
    );
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
      await canonical(page),
    );
  });

  test('offers the device’s share sheet only where the browser has one', async ({ page }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, 'share');
    });
    await page.goto(`/it/sportelli/${desk}/`);
    await expect(page.locator('[data-share-copy]')).toBeVisible();
    await expect(page.locator('[data-share-native]')).toBeHidden();
  });

  test('hands the link and the message to the share sheet', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    await page.goto(`/en/sportelli/${otherDesk}/`);
    const button = page.locator('[data-share-native]');
    await expect(button).toBeVisible();
    await button.click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
    expect(shared.url).toBe(await canonical(page));
    expect(shared.title).toBe(titleIn('activities', otherDesk, 'en'));
    if (firstOpenDay) expect(shared.text).toContain(weekdayName(firstOpenDay.day, 'en-GB'));
  });

  test('prints from a button on the page and on the card', async ({ page }) => {
    await page.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset['printed'] = 'yes';
      };
    });
    for (const url of [`/ar/sportelli/${desk}/`, '/ar/orari/', `/ar/sportelli/${desk}/scheda/`]) {
      await page.goto(url);
      const button = page.locator('button[data-print]');
      await expect(button).toContainText(uiString('ar', 'share.print'));
      await button.click();
      await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the address, QR code, WhatsApp and the card remain; no button promises more', async ({
    page,
  }) => {
    await page.goto(`/ar/sportelli/${desk}/`);
    const address = await canonical(page);
    const link = page.locator('.share [data-share-link]');
    await expect(link).toBeVisible();
    await expect(link).toHaveText(address);
    // One tap selects the whole address, to copy it by hand.
    expect(await link.evaluate((el) => getComputedStyle(el.parentElement ?? el).userSelect)).toBe(
      'all',
    );
    expect(await readQr(page.locator('.share [data-qr] svg'))).toBe(address);
    await expect(page.locator('a[data-share-whatsapp]')).toBeVisible();
    await expect(page.locator('a[data-share-card]')).toBeVisible();
    for (const button of ['[data-share-copy]', '[data-share-native]', '[data-print]']) {
      await expect(page.locator(button), button).toBeHidden();
    }
    await expect(page.locator('.share .actions li:visible')).toHaveCount(2);

    await page.locator('a[data-share-card]').click();
    await expect(page).toHaveURL(new RegExp(`/ar/sportelli/${desk}/scheda/$`));
    await expect(page.locator('.side[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.side[lang="it"]')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('[data-print]')).toBeHidden();
    expect(await readQr(page.locator('[data-card] [data-qr] svg'))).toBe(address);
  });
});

/** The sentence of `key` in `lang` about a language, as the page says it, e.g. 'Ora in தமிழ்.' */
const aboutLanguage = (lang: string, key: string, label: string) =>
  uiString(lang, key).replace('{language}', `\u2068${label}\u2069`);

const [tamil, somali] = [localeInfo('ta'), localeInfo('so')];

test.describe('the language of what is sent', () => {
  test('from the Italian page, the message, address, QR code and card in Tamil', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/it/sportelli/${desk}/`);
    const origin = new URL(await canonical(page)).origin;
    const choices = page.locator('.share a[hreflang]');
    await expect(choices).toHaveText(locales.map((l) => l.label));
    await expect(page.locator('.share a[aria-current="true"]')).toHaveAttribute('hreflang', 'it');

    await choices.filter({ hasText: tamil.label }).click();
    await expect(page.locator('[data-share-feedback]')).toHaveText(
      aboutLanguage('it', 'share.language.done', tamil.label),
    );
    const address = `${origin}/ta/sportelli/${desk}/`;
    await expect(page).toHaveURL(new RegExp(`/it/sportelli/${desk}/$`));
    await expect(page.locator('.share a[aria-current="true"]')).toHaveAttribute('hreflang', 'ta');

    const whatsapp = new URL(
      (await page.locator('a[data-share-whatsapp]').getAttribute('href')) ?? '',
    );
    const lines = (whatsapp.searchParams.get('text') ?? '').split('\n');
    expect(lines[0]).toContain(titleIn('activities', desk, 'ta'));
    expect(lines.at(-1)).toBe(address);
    if (firstOpenDay) expect(lines[2]).toContain(weekdayName(firstOpenDay.day, tamil.intl));
    await expect(page.locator('.share [data-share-link]')).toHaveText(address);
    expect(await readQr(page.locator('.share [data-qr] svg'))).toBe(address);
    // The code's name stays Italian, the language of the page read aloud.
    await expect(page.locator('.share [data-qr] svg')).toHaveAttribute(
      'aria-label',
      uiString('it', 'share.qr'),
    );
    await expect(page.locator('a[data-share-card]')).toHaveAttribute(
      'href',
      `/ta/sportelli/${desk}/scheda/`,
    );
    // The buttons keep the social worker's language.
    await expect(page.locator('a[data-share-whatsapp]')).toHaveText(
      uiString('it', 'share.whatsapp'),
    );
    await page.locator('[data-share-copy]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  });

  test('offline, with the other page not saved, says so and keeps the message', async ({
    page,
    context,
  }) => {
    await page.goto('/ar/orari/');
    const before = await page.locator('a[data-share-whatsapp]').getAttribute('href');
    await context.setOffline(true);
    await page.locator('.share a[hreflang="so"]').click();
    await expect(page.locator('[data-share-feedback]')).toHaveText(
      aboutLanguage('ar', 'share.language.failed', somali.label),
    );
    await expect(page.locator('a[data-share-whatsapp]')).toHaveAttribute('href', before ?? '');
    await expect(page.locator('.share a[aria-current="true"]')).toHaveAttribute('hreflang', 'ar');
    expect(await readQr(page.locator('.share [data-qr] svg'))).toBe(await canonical(page));
  });

  test('the card in Tamil names its tools in Italian too; the Italian card once', async ({
    page,
  }) => {
    await page.goto(`/ta/sportelli/${desk}/scheda/`);
    for (const [tool, key] of [
      ['.tools a', 'card.back'],
      ['.tools button', 'share.print'],
    ] as const) {
      await expect(page.locator(tool)).toContainText(uiString('ta', key));
      await expect(page.locator(`${tool} [lang="it"]`)).toHaveText(uiString('it', key));
    }
    await page.goto(`/it/sportelli/${desk}/scheda/`);
    await expect(page.locator('.tools a')).toHaveText(uiString('it', 'card.back'));
    await expect(page.locator('.tools button')).toHaveText(uiString('it', 'share.print'));
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('each language links to the same tools on its page', async ({ page }) => {
      await page.goto(`/it/sportelli/${desk}/`);
      for (const l of locales) {
        const link = page.locator(`.share a[hreflang="${l.code}"]`);
        await expect(link).toHaveAttribute('href', `/${l.code}/sportelli/${desk}/#condividi`);
        await expect(link).toHaveAttribute('lang', l.code);
      }
      await page.locator(`.share a[hreflang="ta"]`).click();
      await expect(page).toHaveURL(new RegExp(`/ta/sportelli/${desk}/#condividi$`));
      await expect(page.locator('.share a[aria-current="true"]')).toHaveAttribute('hreflang', 'ta');
    });
  });
});

test.describe('spaces beside names in Latin letters, on screen', () => {
  for (const lang of ['it', 'ar', 'ta']) {
    test(`the buttons and links in ${lang} read as their words`, async ({ page }) => {
      await page.goto(`/${lang}/sportelli/${desk}/`);
      const words = (text: string) => text.replace(/[\u2066-\u2069]/g, '').trim();
      expect(words(await page.locator('a[data-share-whatsapp]').innerText())).toBe(
        uiString(lang, 'share.whatsapp'),
      );
      await page.goto(`/${lang}/avvisi/`);
      expect(words(await page.locator('a[href$="/rss.xml"]').first().innerText())).toBe(
        uiString(lang, 'notices.rss'),
      );
    });
  }
});
