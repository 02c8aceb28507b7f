/**
 * One fact, one place (fixture `tests/fixtures/one-fact`): a closure written only in the
 * Italian notice closes the Polo in every language; Tuesday added to hours.yaml reaches every
 * sentence that names the days; a timetable announced for later is said ahead and switches on
 * its day; files the site cannot show get a warning.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { formatDate, weekdayName } from '../../src/lib/dates';
import { italianInstant } from '../../src/lib/hours/schedule';
import { addDays, weekdayOf } from '../../src/lib/calendar-days';
import { statusSpanDays } from '../../src/page-data/status-span';
import { holidayDatesOf, todayInItaly } from '../support/content-facts';
import { carriedLine } from '../support/carried-status';
import { readable } from '../support/html-tree';
import { moveDates, runAstro, withFixture, type AstroRun } from './content-copy';

let build: AstroRun;
const page = (path: string) =>
  readFileSync(
    join(build.dir, 'dist/client', path, /\.\w+$/.test(path) ? '' : 'index.html'),
    'utf8',
  );
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/&#39;/g, "'");
const unescape = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The fixture's closure (2099-12-01 to 2099-12-10) and next timetable (from 2099-02-02) moved
 * into the weeks the status line carries: the closure from three days after the build, the
 * timetable from a Monday three to five weeks ahead whose Tuesdays and Friday are no holiday.
 */
const today = todayInItaly();
const closure = { from: addDays(today, 3), to: addDays(today, 12) };
const nextFrom = (() => {
  const holidays = holidayDatesOf();
  for (let monday = addDays(today, 21); monday < addDays(today, statusSpanDays - 5);) {
    if (weekdayOf(monday) !== 'monday') monday = addDays(monday, 1);
    else if ([-6, 1, 4].some((d) => addDays(monday, d) in holidays)) monday = addDays(monday, 7);
    else return monday;
  }
  throw new Error('no Monday for the next timetable in the weeks the status line carries');
})();

beforeAll(() => {
  const dir = withFixture('tests/fixtures/one-fact');
  const notices = ['it', 'en', 'fr'].map((lang) => `notices/${lang}/chiusura-lavori.md`);
  moveDates(dir, [...notices, 'hours.yaml'], {
    '2099-12-01': closure.from,
    '2099-12-10': closure.to,
    '2099-02-02': nextFrom,
  });
  build = runAstro('build', dir);
  expect(build.ok, build.output).toBe(true);
}, 180_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe('a closure written only in the Italian notice', () => {
  // 10:00 in Italy on the closure's second day.
  const insideClosure = italianInstant(addDays(closure.from, 1), '10:00');
  /** The notice's title in each language that has one, the Italian elsewhere. */
  const titles: Record<string, string> = { en: 'Closed for works', fr: 'Fermé pour travaux' };

  it.each(locales.map((l) => l.code))('closes the Polo in the %s status line', (lang) => {
    const line = carriedLine(page(`${lang}/orari`), insideClosure);
    expect(line?.state).toBe('closed');
    expect(readable(line?.text ?? '')).toContain(titles[lang] ?? 'Chiuso per lavori');
  });

  it('is listed among the English hours page’s closures, with the English title', () => {
    const hours = page('en/orari');
    expect(hours).toContain(
      `data-closure="notice" data-from="${closure.from}" data-to="${closure.to}"`,
    );
    expect(textOf(hours)).toContain('Closed for works');
  });

  it('gives the English notice the Italian dates, desk and publication day', () => {
    const notice = textOf(page('en/avvisi/chiusura-lavori'));
    const english = locales.find((l) => l.code === 'en')?.intl ?? 'en';
    expect(notice).toContain(formatDate(closure.from, english));
    expect(notice).toContain(formatDate(closure.to, english));
    expect(page('en/avvisi/chiusura-lavori')).toContain('href="/en/sportelli/sportello-prova/"');
    expect(page('en/rss.xml')).toContain('<title>Closed for works</title>');
  });

  it('says where the Polo is on the notice, as on every closure notice', () => {
    expect(page('en/avvisi/chiusura-lavori')).toContain('data-polo-place');
  });
});

describe('a day added to hours.yaml (Tuesday)', () => {
  it.each(locales.map((l) => [l.code, l.intl] as const))(
    'is named by the %s hours sentence and page description',
    (lang, intl) => {
      const html = page(`${lang}/orari`);
      const tuesday = weekdayName('tuesday', intl);
      const lead =
        /<p class="lead[^"]*" data-hours-summary[^>]*>([^<]+)<\/p>/.exec(html)?.[1] ?? '';
      const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(textOf(lead)).toContain(tuesday);
      expect(unescape(description)).toContain(tuesday);
    },
  );
});

describe('a timetable announced for later (Fridays only, from a Monday a few weeks ahead)', () => {
  it('is announced on the hours page with its first day and its days', () => {
    const html = page('it/orari');
    expect(html).toContain(`data-next-hours="${nextFrom}"`);
    const announced = textOf(
      /<section[^>]*data-next-hours[\s\S]*?<\/section>/.exec(html)?.[0] ?? '',
    );
    expect(announced).toContain(formatDate(nextFrom, 'it-IT'));
    expect(announced).toContain('venerdì');
  });

  it('switches the status line on its first day', () => {
    const html = page('ar/orari');
    const at = (days: number, hhmm: string) =>
      carriedLine(html, italianInstant(addDays(nextFrom, days), hhmm))?.state;
    // Tuesdays at 10:00 in Italy: open by today's timetable, closed by the next one.
    expect(at(-6, '10:00')).toBe('open');
    expect(at(1, '10:00')).toBe('closed');
    // The Friday after at 10:30: open by the next timetable only.
    expect(at(4, '10:30')).toBe('open');
  });
});

describe('files the site cannot show', () => {
  it('are warned about, and the build goes on', () => {
    expect(build.output).toContain(
      'notices/chiusura-dimenticata.md: this file is outside the language folders',
    );
    expect(build.output).toMatch(
      /activities\/fr\/sportello-prova\.md: the text is mostly in Arabic script, but this folder is for Français/,
    );
  });
});
