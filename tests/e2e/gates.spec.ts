/**
 * Gates kept whole: no Content-Security-Policy violation on any kind of page, scripts
 * included; and the keyboard reaches the language switcher, the newsletter form and the
 * share block in order, with the focus always visible.
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes } from '../../src/lib/locales';
import { deskSlugs } from '../support/site-pages';
import { uiString } from '../support/ui-strings';

const [desk = '', otherDesk = desk] = deskSlugs;

/** Collects CSP violations the page reports, from its own event and from the console. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )),
  ];
}

const pageTypes = [
  '/lingua/',
  '/it/',
  `/ar/sportelli/${desk}/`,
  `/ar/sportelli/${desk}/scheda/`,
  '/it/orari/',
  '/fr/programma/',
  '/en/avvisi/',
  '/ar/newsletter/',
  '/it/newsletter/check-email/',
  '/fr/privacy/',
  '/ar/no-such-page/',
  '/it/newsletter/confirm/?token=AAAAAAAAAAAAAAAAAAAAAA',
  '/ta/newsletter/unsubscribe/?token=AAAAAAAAAAAAAAAAAAAAAA',
];

test('no page type reports a CSP violation, with its scripts running', async ({ page }) => {
  const violations = await watchCsp(page);
  for (const url of pageTypes) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }
  // The scripts at work: the status line, the share block, the form's background post.
  await page.goto(`/ar/sportelli/${desk}/`);
  await expect(page.locator('[data-hours-status]')).toHaveAttribute('data-state', /open|closed/);
  const form = page.locator('footer form[data-newsletter-form]');
  await form.getByRole('button').click();
  await expect(form.locator('[data-outcome]')).not.toBeEmpty();
  expect(await violations()).toEqual([]);
});

interface Stop {
  label: string;
  inside: string;
  visible: boolean;
}

/** Presses Tab `count` times, noting where the focus lands and whether it can be seen. */
async function tabThrough(page: Page, count: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return { label: '', inside: '', visible: false };
        const style = getComputedStyle(el);
        const visible =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        const region = el.closest(
          'details.languages, form[data-newsletter-form], .share, .skip-link',
        );
        return {
          label:
            el.getAttribute('hreflang') ??
            el.getAttribute('name') ??
            el.textContent?.trim().slice(0, 30) ??
            el.tagName,
          inside: region
            ? ((region.className || region.tagName).toString().split(' ')[0] ?? '')
            : '',
          visible,
        };
      }),
    );
  }
  return stops;
}

test('the keyboard opens the language list near the top, goes through it in order, with a visible focus', async ({
  page,
}) => {
  await page.goto('/ar/orari/');
  const stops = await tabThrough(page, 3);
  expect(stops[0]).toMatchObject({ inside: 'skip-link', visible: true });
  // The Polo's name (a link home), then the language list, closed.
  expect(stops[2]).toMatchObject({ inside: 'languages', visible: true });
  await expect(page.locator('details.languages')).not.toHaveAttribute('open');
  await page.keyboard.press('Enter');
  await expect(page.locator('details.languages')).toHaveAttribute('open');
  const languages = await tabThrough(page, localeCodes.length);
  expect(languages.map((s) => s.label)).toEqual(localeCodes);
  expect([...stops, ...languages].every((s) => s.visible)).toBe(true);
  // Back one stop to the language before the last, and follow it.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/${localeCodes.at(-2)}/orari/$`));
});

test('the skip link takes the keyboard to the content', async ({ page }) => {
  await page.goto('/it/programma/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the keyboard goes through the newsletter form in order and can sign up', async ({ page }) => {
  await page.goto('/it/newsletter/');
  const email = page.locator('main input[name="email"]');
  await email.focus();
  await page.keyboard.press('Shift+Tab');
  const stops = await tabThrough(page, 4);
  expect(stops.map((s) => s.label)).toEqual([
    'email',
    'consent',
    uiString('it', 'newsletter.privacy').slice(0, 30),
    uiString('it', 'newsletter.submit').slice(0, 30),
  ]);
  expect(stops.every((s) => s.visible)).toBe(true);
  // Back to the form, typed and ticked with the keyboard only.
  await email.focus();
  await page.keyboard.type(`kbd.${Date.now()}@example.org`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.locator('main input[name="consent"]')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main [data-outcome]')).toHaveAttribute('data-kind', 'sent');
});

test('the keyboard goes through the share block in order, with a visible focus', async ({
  page,
}) => {
  await page.goto(`/fr/sportelli/${otherDesk}/`);
  const actions = page.locator('.share').locator('a:visible, button:visible, input:visible');
  const expected = await actions.evaluateAll((els) => els.length);
  expect(expected).toBeGreaterThan(2);
  await actions.first().focus();
  await page.keyboard.press('Shift+Tab');
  const stops = await tabThrough(page, expected);
  expect(
    stops.every((s) => s.inside === 'share' && s.visible),
    JSON.stringify(stops),
  ).toBe(true);
  const labels = await actions.evaluateAll((els) =>
    els.map(
      (el) =>
        el.getAttribute('hreflang') ??
        el.getAttribute('name') ??
        el.textContent?.trim().slice(0, 30) ??
        el.tagName,
    ),
  );
  expect(stops.map((s) => s.label)).toEqual(labels);
});
