/**
 * The status line in a browser with a fixed clock and a device set to another time zone:
 * it must speak Italian time, in the page's language, and carry the test contract. The
 * moments and what the line must say come from the content the site was built from
 * (tests/support/status-moments.ts), so that a change of hours or a closure staff publish
 * changes the expected line, not whether the test passes.
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes, type Locale } from '../../src/lib/locales';
import { italianDay, italianInstant, slotsOn } from '../../src/lib/hours/schedule';
import { addDays } from '../../src/lib/calendar-days';
import { hoursAsBuilt, scheduleOf, todayInItaly } from '../support/content-facts';
import { hoursTableProblems, jsonLdProblems } from '../support/built-hours';
import { readable } from '../support/html-tree';
import { deskSlugs } from '../support/site-pages';
import { daysAhead, expectedAt, statusMoments, type Expected } from '../support/status-moments';
import { uiString } from '../support/ui-strings';

const schedule = (lang: Locale) => scheduleOf(lang);
const moments = statusMoments(schedule);
/** The kinds of line this content gives in the weeks a page carries, e.g. no lunch break if no day has two periods. */
const cases = Object.entries(moments).filter(
  (entry): entry is [string, Expected] => entry[1] !== undefined && entry[0] !== 'opensOnWeekday',
);

async function statusAt(page: Page, url: string, now: number) {
  await page.clock.install({ time: new Date(now) });
  await page.goto(url);
  return page.locator('[data-hours-status]').first();
}

async function expectLine(page: Page, url: string, expected: Expected, lang: Locale) {
  const status = await statusAt(page, url, expected.now);
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('data-state', expected.status.state);
  if (expected.nextChange)
    await expect(status).toHaveAttribute('data-next-change', expected.nextChange);
  expect(readable(await status.textContent())).toBe(expected.text(lang));
}

/** Staff may publish a closure longer than the weeks a page carries: then no test needs an opening. */
const noOpening = `the content opens on none of the next ${daysAhead} days (a long closure)`;

for (const timezoneId of ['Asia/Dhaka', 'America/Sao_Paulo']) {
  test.describe(`device in ${timezoneId}`, () => {
    test.use({ timezoneId });

    for (const [kind, expected] of cases) {
      for (const lang of ['it', 'ar'] as const) {
        const at = new Date(expected.now).toISOString();
        test(`${kind} (${at}) in ${lang}: ${expected.status.state}`, async ({ page }) => {
          await expectLine(page, `/${lang}/orari/`, expected, lang);
        });
      }
    }
  });
}

// Chromium has no Intl data for some languages (Sinhala, Somali): it would write the weekday in
// English in them. The words come from the build instead, as the hours table's do.
const namesWeekday = moments.opensOnWeekday;
for (const code of localeCodes) {
  test(`the status names the next opening day and time in ${code}`, async ({ page }) => {
    test.skip(!namesWeekday, 'the Polo never opens again two to six days later');
    if (namesWeekday) await expectLine(page, `/${code}/orari/`, namesWeekday, code);
  });
}

test('the status changes on its own when the Polo closes, and is polite about it', async ({
  page,
}) => {
  const open = moments.open;
  test.skip(!open, noOpening);
  if (!open || open.status.state !== 'open') return;
  const closing = open.status.closesAt;
  const status = await statusAt(page, '/it/', closing - 90_000);
  await expect(status).toHaveAttribute('data-state', 'open');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await page.clock.runFor(2 * 60_000);
  await expect(status).toHaveAttribute('data-state', 'closed');
  expect(readable(await status.textContent())).toBe(
    expectedAt(schedule, closing + 30_000).text('it'),
  );
});

test('the status is on the home, hours and every desk page', async ({ page }) => {
  // Any moment of the weeks a page carries: an opening if there is one.
  const moment = moments.open ?? cases[0]?.[1];
  test.skip(!moment, noOpening);
  if (!moment) return;
  await page.clock.install({ time: new Date(moment.now) });
  const desks = deskSlugs.map(
    (slug, i) => `/${localeCodes[i % localeCodes.length]}/sportelli/${slug}/`,
  );
  for (const url of ['/fr/', '/en/orari/', ...desks]) {
    await page.goto(url);
    await expect(page.locator('[data-hours-status]'), url).toHaveAttribute(
      'data-state',
      moment.status.state,
    );
  }
});

// A page read long after its build (kept offline), or a device clock far off: the line does
// not guess beyond the weeks the page carries, nor before its build day; the table speaks.
for (const [when, day] of [
  ['past the weeks the page carries', addDays(todayInItaly(), daysAhead + 2)],
  ['before the build day', addDays(todayInItaly(), -2)],
] as const) {
  test(`${when}, the status line hides and the table is there`, async ({ page }) => {
    const status = await statusAt(page, '/ar/orari/', italianInstant(day, '10:00'));
    await expect(page.locator('table.hours-table').first()).toBeVisible();
    // Hidden once the script has looked (it then makes the line live), and it stays so.
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toBeHidden();
    await expect(status).not.toHaveAttribute('data-state', /.*/);
    await expect(status).not.toHaveAttribute('data-next-change', /.*/);
    await page.clock.runFor(2 * 60_000);
    await expect(status).toBeHidden();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('nothing pretends to be live; the table of hours.yaml and the holiday rule are there', async ({
    page,
  }) => {
    await page.goto('/it/orari/');
    await expect(page.locator('[data-hours-status]')).toBeHidden();
    await expect(page.locator('[data-hours-status]')).not.toHaveAttribute('data-state', /.*/);
    await expect(page.locator('table.hours-table').first()).toBeVisible();
    expect(hoursTableProblems(await page.content(), hoursAsBuilt(), 'it')).toEqual([]);
    await expect(page.getByText(uiString('it', 'hours.holidays'))).toBeVisible();
    await expect(
      page.getByRole('heading', { name: uiString('it', 'hours.upcoming.title') }),
    ).toBeVisible();
  });
});

test('the hours page lists upcoming closures in order, a holiday only on an opening day', async ({
  page,
}) => {
  await page.goto('/ar/orari/');
  const items = await page.locator('[data-closure]').evaluateAll((els) =>
    els.map((el) => ({
      kind: el.getAttribute('data-closure') ?? '',
      from: el.getAttribute('data-from') ?? '',
      text: el.textContent ?? '',
    })),
  );
  const froms = items.map((item) => item.from);
  expect([...froms].sort()).toEqual(froms);
  const data = schedule('ar');
  for (const item of items.filter((i) => i.kind === 'holiday')) {
    expect(slotsOn(data, item.from), item.from).not.toEqual([]);
  }
  // Every closure of the notices that is not over yet, with its title in Arabic.
  const today = italianDay(Date.now()).iso;
  for (const closure of data.closures.filter((c) => c.to >= today)) {
    const listed = items.find((i) => i.kind === 'notice' && i.from === closure.from);
    expect(readable(listed?.text ?? ''), closure.from).toContain(closure.reason);
  }
});

test('the calendar file is linked from the hours page and served as text/calendar', async ({
  page,
  request,
}) => {
  await page.goto('/fr/orari/');
  const href = await page.locator('a[href$=".ics"]').getAttribute('href');
  expect(href).toBe('/fr/orari.ics');
  const response = await request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  // Unfolded (RFC 5545 folds long lines) and unescaped, the summary is the French words.
  const ics = (await response.text()).replace(/\r\n /g, '').replace(/\\([,;\\])/g, '$1');
  expect(ics).toContain(`SUMMARY:${uiString('fr', 'ics.summary')}`);
});

test('home and hours pages describe the opening hours of hours.yaml as valid schema.org JSON-LD', async ({
  page,
}) => {
  for (const lang of localeCodes) {
    for (const path of ['/', '/orari/']) {
      await page.goto(`/${lang}${path}`);
      const raw = await page.locator('script[type="application/ld+json"]').textContent();
      const data = JSON.parse(raw ?? '') as {
        [key: string]: unknown;
        specialOpeningHoursSpecification?: { validFrom: string }[];
      };
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('GovernmentOffice');
      expect(data['url']).toMatch(new RegExp(`/${lang}/$`));
      expect(jsonLdProblems(await page.content(), hoursAsBuilt())).toEqual([]);
      for (const special of data.specialOpeningHoursSpecification ?? []) {
        expect(special).toMatchObject({ opens: '00:00', closes: '00:00' });
        expect(special.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  }
});
