/**
 * Reporting an accessibility problem as a person would, from a page's footer, in Italian and
 * Arabic: without JavaScript (plain form, pages from the server) and with it (the page the
 * report concerns filled in).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeTags } from '../support/site-pages';
import { uiString } from '../support/ui-strings';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
}

/** Text as read, without the invisible marks that keep Latin names whole in Arabic. */
async function expectText(locator: Locator, expected: string) {
  await expect
    .poll(async () => ((await locator.textContent()) ?? '').replace(/[\u2068\u2069]/g, '').trim())
    .toBe(expected);
}

/** From the hours page's footer to the report form. */
async function openFromFooter(page: Page, lang: string) {
  await page.goto(`/${lang}/orari/`);
  await page
    .locator('footer')
    .getByRole('link', { name: uiString(lang, 'footer.report') })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/${lang}/accessibilita/\\?page=/${lang}/orari/#segnala$`),
  );
  return page.locator('form[data-report-form]');
}

for (const lang of ['it', 'ar'] as const) {
  test.describe(`${lang}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('a mistake is explained in the page language, what was typed kept', async ({ page }) => {
      const form = await openFromFooter(page, lang);
      // Without a script the page field stays for the reader to fill in.
      await expect(form.getByLabel(uiString(lang, 'report.page'))).toHaveValue('');
      await form.getByLabel(uiString(lang, 'report.text')).fill('Il menu non si apre.');
      await form.getByLabel(uiString(lang, 'report.email')).fill('amina@example.org');
      await form.getByRole('button', { name: uiString(lang, 'report.submit') }).click();

      await expect(page).toHaveURL(/\/api\/accessibility\/report$/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectText(page.locator('h1'), uiString(lang, 'report.problem.title'));
      const retry = page.locator('form[data-report-form]');
      await expectText(
        retry.getByRole('alert'),
        uiString(lang, 'report.problem.missing-answer-consent'),
      );
      await expect(retry.getByLabel(uiString(lang, 'report.text'))).toHaveValue(
        'Il menu non si apre.',
      );
      await expect(retry.getByLabel(uiString(lang, 'report.email'))).toHaveValue(
        'amina@example.org',
      );
      const consent = retry.locator('input[name="consent"]');
      await expect(consent).toHaveAttribute('aria-invalid', 'true');

      // Ticking the box sends it.
      await consent.check();
      await retry.getByRole('button', { name: uiString(lang, 'report.submit') }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/accessibilita/grazie/$`));
      await expectText(page.locator('h1'), uiString(lang, 'report.sent.title'));
      await expect(page.getByRole('link', { name: 'form.agid.gov.it' })).toHaveAttribute(
        'href',
        'https://form.agid.gov.it/',
      );
    });

    test('an empty problem is refused by the browser before anything is sent', async ({ page }) => {
      const form = await openFromFooter(page, lang);
      await form.getByRole('button', { name: uiString(lang, 'report.submit') }).click();
      await expect(page).toHaveURL(/\/accessibilita\/\?page=/);
      expect(
        await form
          .getByLabel(uiString(lang, 'report.text'))
          .evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing),
      ).toBe(true);
    });
  });

  test.describe(`${lang}, with JavaScript`, () => {
    test('the page of the footer link is filled in, and the report arrives', async ({ page }) => {
      const form = await openFromFooter(page, lang);
      const where = form.getByLabel(uiString(lang, 'report.page'));
      await expect(where).toHaveValue(`/${lang}/orari/`);
      await form.getByLabel(uiString(lang, 'report.text')).fill('La tabella non si legge.');
      await form.getByRole('button', { name: uiString(lang, 'report.submit') }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/accessibilita/grazie/$`));
      await expectText(page.locator('h1'), uiString(lang, 'report.sent.title'));
    });

    test('a page that is not the site is explained at the field', async ({ page }) => {
      const form = await openFromFooter(page, lang);
      await form.getByLabel(uiString(lang, 'report.page')).fill('https://example.org/');
      await form.getByLabel(uiString(lang, 'report.text')).fill('Il link non funziona.');
      await form.getByRole('button', { name: uiString(lang, 'report.submit') }).click();
      const retry = page.locator('form[data-report-form]');
      await expectText(retry.getByRole('alert'), uiString(lang, 'report.problem.not-a-site-page'));
      await expect(retry.getByLabel(uiString(lang, 'report.page'))).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      // The address typed is kept; the footer's is not put back over it.
      await expect(retry.getByLabel(uiString(lang, 'report.page'))).toHaveValue(
        'https://example.org/',
      );
      // axe runs in the page: only where scripts may run.
      await expectNoAxeViolations(page);
    });
  });
}
