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
import { weekdayName } from '../../src/lib/dates';
import { hoursStatus, type ScheduleData } from '../../src/lib/hours/schedule';
import { runAstro, withFixture, type AstroRun } from './content-copy';

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

/** The data the status line computes with in the browser, as the page carries it. */
function statusData(path: string): ScheduleData {
  const config = /data-hours-config="([^"]+)"/.exec(page(path))?.[1];
  if (!config) throw new Error(`no status line on ${path}`);
  return (JSON.parse(unescape(config)) as { data: ScheduleData }).data;
}

beforeAll(() => {
  build = runAstro('build', withFixture('tests/fixtures/one-fact'));
  expect(build.ok, build.output).toBe(true);
}, 180_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe('a closure written only in the Italian notice', () => {
  // Wednesday 2 December 2099, 10:00 in Italy: an opening day inside the closure.
  const insideClosure = Date.parse('2099-12-02T09:00:00Z');

  it.each(locales.map((l) => l.code))('closes the Polo in the %s status line', (lang) => {
    const status = hoursStatus(statusData(`${lang}/orari`), insideClosure);
    expect(status).toMatchObject({ state: 'closed', reason: 'closure' });
  });

  it('is listed among the English hours page’s closures, with the English title', () => {
    const hours = page('en/orari');
    expect(hours).toMatch(/data-closure="notice" data-from="2099-12-01" data-to="2099-12-10"/);
    expect(textOf(hours)).toContain('Closed for works');
  });

  it('gives the English notice the Italian dates, desk and publication day', () => {
    const notice = textOf(page('en/avvisi/chiusura-lavori'));
    expect(notice).toContain('1 December 2099');
    expect(notice).toContain('10 December 2099');
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
      const lead = /<p class="lead" data-hours-summary[^>]*>([^<]+)<\/p>/.exec(html)?.[1] ?? '';
      const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(textOf(lead)).toContain(tuesday);
      expect(unescape(description)).toContain(tuesday);
    },
  );
});

describe('a timetable announced for later (Fridays only, from 2 February 2099)', () => {
  it('is announced on the hours page with its first day and its days', () => {
    const html = page('it/orari');
    expect(html).toContain('data-next-hours="2099-02-02"');
    const announced = textOf(
      /<section[^>]*data-next-hours[\s\S]*?<\/section>/.exec(html)?.[0] ?? '',
    );
    expect(announced).toContain('2 febbraio 2099');
    expect(announced).toContain('venerdì');
  });

  it('switches the status line on its first day', () => {
    const data = statusData('ar/orari');
    // Tuesdays at 10:00 in Italy: open by today's timetable, closed by the next one.
    expect(hoursStatus(data, Date.parse('2099-01-27T09:00:00Z')).state).toBe('open');
    expect(hoursStatus(data, Date.parse('2099-02-03T09:00:00Z')).state).toBe('closed');
    // Friday 6 February at 10:30: open by the next timetable only.
    expect(hoursStatus(data, Date.parse('2099-02-06T09:30:00Z')).state).toBe('open');
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
