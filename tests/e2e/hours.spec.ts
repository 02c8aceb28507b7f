/**
 * The status line in a browser with a fixed clock and a device set to another time zone:
 * it must speak Italian time, in the page's language, and carry the test contract.
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes, locales } from '../../src/lib/locales';
import { fill } from '../../src/i18n/translate';
import { formatTime, weekdayName } from '../../src/lib/dates';
import { uiString } from '../support/ui-strings';

interface Case {
  /** The instant, UTC. */
  now: string;
  state: 'open' | 'closed';
  nextChange: string;
  it: string;
  ar: string;
}

const cases: Case[] = [
  {
    now: '2026-11-30T08:30:00Z', // Monday 09:30 in Italy
    state: 'open',
    nextChange: '2026-11-30T13:00:00+01:00',
    it: 'Aperto ora · chiude alle 13:00',
    ar: 'مفتوح الآن · يغلق الساعة 13:00',
  },
  {
    now: '2026-11-30T12:30:00Z', // Monday 13:30: lunch
    state: 'closed',
    nextChange: '2026-11-30T15:00:00+01:00',
    it: 'Chiuso per la pausa · apre oggi alle 15:00',
    ar: 'مغلق لاستراحة الظهر · يفتح اليوم الساعة 15:00',
  },
  {
    now: '2026-12-01T09:00:00Z', // Tuesday
    state: 'closed',
    nextChange: '2026-12-02T09:00:00+01:00',
    it: 'Chiuso · apre domani alle 09:00',
    ar: 'مغلق · يفتح غدًا الساعة 09:00',
  },
  {
    now: '2027-03-29T07:30:00Z', // Easter Monday 2027, 09:30 summer time
    state: 'closed',
    nextChange: '2027-03-31T09:00:00+02:00',
    it: 'Chiuso oggi: festività (Lunedì dell’Angelo) · apre mercoledì alle 09:00',
    ar: 'مغلق اليوم: عطلة رسمية (اثنين الفصح) · يفتح يوم الأربعاء الساعة 09:00',
  },
];

const clean = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');

async function statusAt(page: Page, url: string, now: string) {
  await page.clock.install({ time: new Date(now) });
  await page.goto(url);
  return page.locator('[data-hours-status]').first();
}

for (const timezoneId of ['Asia/Dhaka', 'America/Sao_Paulo']) {
  test.describe(`device in ${timezoneId}`, () => {
    test.use({ timezoneId });

    for (const c of cases) {
      for (const lang of ['it', 'ar'] as const) {
        test(`${c.now} in ${lang}: ${c.state}`, async ({ page }) => {
          const status = await statusAt(page, `/${lang}/orari/`, c.now);
          await expect(status).toBeVisible();
          await expect(status).toHaveAttribute('data-state', c.state);
          await expect(status).toHaveAttribute('data-next-change', c.nextChange);
          expect(clean(await status.textContent())).toBe(c[lang]);
        });
      }
    }
  });
}

// Chromium has no Intl data for some languages (Sinhala, Somali): it would write "Wednesday" in
// them. The words come from the build instead, as the hours table's do.
for (const { code, intl } of locales) {
  test(`the status names the next opening day and time in ${code}`, async ({ page }) => {
    const status = await statusAt(page, `/${code}/orari/`, '2027-03-29T07:30:00Z'); // Easter Monday
    const next = fill(uiString(code, 'status.next.weekday'), {
      day: weekdayName('wednesday', intl),
      time: formatTime('09:00', intl),
    });
    expect(clean(await status.textContent())).toBe(
      fill(uiString(code, 'status.holiday'), {
        name: uiString(code, 'holiday.easter-monday'),
        next,
      }),
    );
  });
}

test('the status changes on its own when the Polo closes, and is polite about it', async ({
  page,
}) => {
  const status = await statusAt(page, '/it/', '2026-11-30T11:58:30Z'); // 12:58:30 in Italy
  await expect(status).toHaveAttribute('data-state', 'open');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await page.clock.runFor(2 * 60_000);
  await expect(status).toHaveAttribute('data-state', 'closed');
  expect(clean(await status.textContent())).toBe('Chiuso per la pausa · apre oggi alle 15:00');
});

test('the status is on the home, hours and every activity page', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-30T08:30:00Z') });
  for (const url of ['/fr/', '/en/orari/', '/ar/sportelli/lavoro/', '/it/sportelli/mentoring/']) {
    await page.goto(url);
    await expect(page.locator('[data-hours-status]'), url).toHaveAttribute('data-state', 'open');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('nothing pretends to be live; the table and the holiday rule are there', async ({
    page,
  }) => {
    await page.goto('/it/orari/');
    await expect(page.locator('[data-hours-status]')).toBeHidden();
    await expect(page.locator('[data-hours-status]')).not.toHaveAttribute('data-state', /.*/);
    await expect(page.locator('table.hours-table tbody tr')).toHaveCount(7);
    await expect(page.getByText('13 dicembre')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Prossime chiusure' })).toBeVisible();
  });
});

test('the hours page lists upcoming closures in order, each on an opening day', async ({
  page,
}) => {
  await page.goto('/ar/orari/');
  const items = page.locator('[data-closure]');
  const froms = await items.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-from') ?? ''),
  );
  expect(froms.length).toBeGreaterThan(0);
  expect([...froms].sort()).toEqual(froms);
  for (const from of froms) {
    const weekday = new Date(`${from}T12:00:00Z`).getUTCDay();
    expect([1, 3, 4], from).toContain(weekday);
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
  expect(await response.text()).toContain(
    'SUMMARY:Polo Sociale Integrato di Siracusa\u00a0: ouvert',
  );
});

test('home and hours pages describe the opening hours as valid schema.org JSON-LD', async ({
  page,
}) => {
  for (const lang of localeCodes) {
    for (const path of ['/', '/orari/']) {
      await page.goto(`/${lang}${path}`);
      const raw = await page.locator('script[type="application/ld+json"]').textContent();
      const data = JSON.parse(raw ?? '') as {
        [key: string]: unknown;
        specialOpeningHoursSpecification: { validFrom: string }[];
      };
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('GovernmentOffice');
      expect(data['url']).toMatch(new RegExp(`/${lang}/$`));
      expect(data['openingHoursSpecification']).toEqual([
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: [
            'https://schema.org/Monday',
            'https://schema.org/Wednesday',
            'https://schema.org/Thursday',
          ],
          opens: '09:00',
          closes: '13:00',
        },
        expect.objectContaining({ opens: '15:00', closes: '18:00' }),
      ]);
      for (const special of data.specialOpeningHoursSpecification) {
        expect(special).toMatchObject({ opens: '00:00', closes: '00:00' });
        expect(special.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  }
});
