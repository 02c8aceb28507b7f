/**
 * Signing up through the built site as a person would: without JavaScript (plain form,
 * pages from the server) and with it (outcome in place), in Italian and Arabic. With no
 * SMTP_URL the server writes mails to .data/outbox/, where the test finds the link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeTags } from '../support/site-pages';
import { uiString } from '../support/ui-strings';

const outbox = '.data/outbox';

/** The confirmation link of the newest mail to `email` (quoted-printable undone). */
async function confirmLinkFor(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    let files: string[] = [];
    try {
      files = readdirSync(outbox).sort().reverse();
    } catch {
      // not written yet
    }
    for (const file of files) {
      const raw = readFileSync(`${outbox}/${file}`, 'utf8');
      if (!raw.includes(`To: ${email}`)) continue;
      const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const link = text.match(/https?:\/\/[^\s"<>]+\/newsletter\/confirm\/\?token=[\w-]+/)?.[0];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${email} in ${outbox}`);
}

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

const unique = (name: string) =>
  `${name}.${Date.now()}${Math.floor(Math.random() * 1e6)}@example.org`;

for (const lang of ['it', 'ar'] as const) {
  test.describe(`${lang}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('a mistake is explained in the page language, the address kept', async ({ page }) => {
      await page.goto(`/${lang}/newsletter/`);
      const form = page.locator('main form[data-newsletter-form]');
      // The browser takes "name@host" for an address; the server wants a domain with a dot.
      await form.locator('input[name="email"]').fill('amina@localhost');
      await form.locator('input[name="consent"]').check();
      await form.getByRole('button').click();
      await expectText(page.locator('[role="alert"]'), uiString(lang, 'problem.invalid-email'));
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      const email = page.locator('main input[name="email"]');
      await expect(email).toHaveValue('amina@localhost');
      await expect(email).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('main input[name="consent"]')).toBeChecked();
    });

    test('subscribe, then confirm with the button', async ({ page }) => {
      const email = unique(`plain-${lang}`);
      await page.goto(`/${lang}/newsletter/`);
      const form = page.locator('main form[data-newsletter-form]');
      await form.locator('input[name="email"]').fill(email);
      await form.locator('input[name="consent"]').check();
      await form.getByRole('button').click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/newsletter/check-email/$`));
      await expectText(page.locator('h1'), uiString(lang, 'newsletter.sent.title'));

      const link = await confirmLinkFor(email);
      expect(link).toContain(`/${lang}/newsletter/confirm/`);
      await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
      await expectText(page.locator('h1'), uiString(lang, 'confirm.title'));
      await page.getByRole('button', { name: uiString(lang, 'confirm.button') }).click();
      await expectText(
        page.locator('[data-newsletter-outcome="confirmed"]'),
        uiString(lang, 'confirm.done.body'),
      );
    });
  });

  test.describe(`${lang}, with JavaScript`, () => {
    test('the outcome shows in place, from the footer of any page', async ({ page }) => {
      await page.goto(`/${lang}/orari/`);
      const form = page.locator('footer form[data-newsletter-form]');
      const outcome = form.locator('[data-outcome]');
      await form.getByRole('button').click();
      await expectText(outcome, uiString(lang, 'problem.invalid-email'));
      await expect(form.locator('input[name="email"]')).toHaveAttribute('aria-invalid', 'true');
      await expect(form.locator('input[name="email"]')).toBeFocused();

      const email = unique(`js-${lang}`);
      await form.locator('input[name="email"]').fill(email);
      await form.getByRole('button').click();
      await expectText(outcome, uiString(lang, 'problem.missing-consent'));
      await expect(form.locator('input[name="consent"]')).toBeFocused();

      await form.locator('input[name="consent"]').check();
      await form.getByRole('button').click();
      await expectText(outcome, uiString(lang, 'newsletter.sent.body'));
      await expect(page).toHaveURL(new RegExp(`/${lang}/orari/$`));
      expect(await confirmLinkFor(email)).toContain(`/${lang}/newsletter/confirm/`);
      await expectNoAxeViolations(page);
    });
  });
}

test('the pages the server sends back pass axe', async ({ page }) => {
  await page.goto('/ar/newsletter/');
  // A copy of the form without the script's listener: the browser posts, the server answers.
  await page
    .locator('main form[data-newsletter-form]')
    .evaluate((f) => f.replaceWith(f.cloneNode(true)));
  const form = page.locator('main form[data-newsletter-form]');
  await form.locator('input[name="email"]').fill('amina@localhost');
  await form.locator('input[name="consent"]').check();
  await form.getByRole('button').click();
  await expect(page.locator('[role="alert"]')).toBeVisible();
  await expectNoAxeViolations(page);

  const email = unique('axe');
  await page
    .locator('main form[data-newsletter-form]')
    .evaluate((f) => f.replaceWith(f.cloneNode(true)));
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="consent"]').check();
  await form.getByRole('button').click();
  await expect(page).toHaveURL(/\/ar\/newsletter\/check-email\/$/);
  await expectNoAxeViolations(page);
  await page.goto((await confirmLinkFor(email)).replace(/^https?:\/\/[^/]+/, ''));
  await expectNoAxeViolations(page);
  await page.locator('form[data-newsletter-confirm] button').click();
  await expect(page.locator('[data-newsletter-outcome="confirmed"]')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an expired or used link says so, in the language of the page', async ({ page }) => {
  const response = await page.goto('/ar/newsletter/confirm/?token=AAAAAAAAAAAAAAAAAAAAAA');
  expect(response?.status()).toBe(410);
  await expect(page.locator('[data-newsletter-outcome="invalid"]')).toHaveText(
    uiString('ar', 'confirm.invalid'),
  );
  await expectNoAxeViolations(page);
  const leave = await page.goto('/fr/newsletter/unsubscribe/?token=nonsense');
  expect(leave?.status()).toBe(400);
  await expect(page.locator('[data-newsletter-outcome="invalid"]')).toHaveText(
    uiString('fr', 'unsubscribe.invalid'),
  );
});
