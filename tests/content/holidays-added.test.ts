/**
 * A holiday staff add to content/holidays.yaml, with its Italian name only (fixture
 * `tests/fixtures/holidays`: the Polo open every day, no notices): after a build it closes the
 * Polo in the status line of every language, is listed among the closures (in Italian, marked
 * so, where the language has no name), leaves the calendar file and reaches the JSON-LD; and
 * `npm run content -- translations` lists its missing names.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/lib/locales';
import { addDays } from '../../src/lib/calendar-days';
import { holidayDates } from '../../src/lib/hours/holidays';
import { italianInstant } from '../../src/lib/hours/schedule';
import { statusSpanDays } from '../../src/page-data/status-span';
import { holidaysOf, todayInItaly } from '../support/content-facts';
import { readable } from '../support/html-tree';
import { carriedLine } from '../support/carried-status';
import { runAstro, withFixture, type AstroRun } from './content-copy';

const name = 'Festa di prova del Polo';
let build: AstroRun;
/** The day the added holiday next falls on, YYYY-MM-DD. */
let day: string;

const page = (path: string) =>
  readFileSync(
    join(build.dir, 'dist/client', path, /\.\w+$/.test(path) ? '' : 'index.html'),
    'utf8',
  );
/**
 * A day of the year, a few weeks ahead but inside the weeks the status line carries, on which
 * no holiday of the file falls in any year the pages carry: the added holiday then names its
 * day alone, whatever holidays staff list.
 */
function freeDay(contentDir: string): string {
  const today = todayInItaly();
  const taken = Object.keys(holidayDates(holidaysOf(contentDir), today, addDays(today, 731))).map(
    (iso) => iso.slice(5),
  );
  for (let iso = addDays(today, 20); iso < addDays(today, statusSpanDays); iso = addDays(iso, 1)) {
    // Never 29 February: it has no date every year.
    if (!taken.includes(iso.slice(5)) && iso.slice(5) !== '02-29') return iso;
  }
  throw new Error('no free day in the weeks the status line carries');
}

beforeAll(() => {
  const dir = withFixture('tests/fixtures/holidays');
  const content = join(dir, 'content');
  day = freeDay(content);
  // As staff add it: at the end of the list, in Italian only.
  appendFileSync(
    join(content, 'holidays.yaml'),
    [
      `    - name: ${name}`,
      `      day: '${day.slice(5)}'`,
      `      fromYear: ${day.slice(0, 4)}`,
      '      source: Delibera di prova',
      '',
    ].join('\n'),
  );
  build = runAstro('build', dir);
  expect(build.ok, build.output).toBe(true);
}, 240_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe('a holiday staff add with its Italian name only', () => {
  it.each(localeCodes)('closes the Polo in the %s status line, by its Italian name', (lang) => {
    const line = carriedLine(page(`${lang}/orari`), italianInstant(day, '10:00'));
    // The Polo of the fixture opens every day: closed at 10:00 says the holiday closes it.
    expect(line?.state).toBe('closed');
    expect(readable(line?.text ?? '')).toContain(name);
  });

  it.each(localeCodes)('is among the closures of the %s hours page', (lang) => {
    const item = new RegExp(
      `<li data-closure="holiday" data-from="${day}" data-to="${day}"[^>]*>[\\s\\S]*?</li>`,
    ).exec(page(`${lang}/orari`))?.[0];
    expect(item).toBeDefined();
    // In Italian: the page's language, or marked as Italian inside another.
    expect(item).toMatch(new RegExp(`<span${lang === 'it' ? '' : ' lang="it"'}[^>]*>${name}<`));
  });

  it('leaves the calendar file, as every holiday does', () => {
    const ics = readFileSync(join(build.dir, 'dist/client/it/orari.ics'), 'utf8').replace(
      /\r\n /g,
      '',
    );
    const exdates = ics.split('\r\n').filter((line) => line.startsWith('EXDATE'));
    expect(exdates.join('\n')).toContain(`${day.replace(/-/g, '')}T0900`);
  });

  it('is a special day of the JSON-LD', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(
      page('it/orari'),
    )?.[1];
    expect(json).toBeDefined();
    const special = (
      JSON.parse(json ?? '{}') as {
        specialOpeningHoursSpecification?: { validFrom: string; validThrough: string }[];
      }
    ).specialOpeningHoursSpecification;
    expect(special).toContainEqual(
      expect.objectContaining({ validFrom: day, validThrough: day, opens: '00:00' }),
    );
  });

  it('has its missing names listed by npm run content -- translations', () => {
    const run = spawnSync(process.execPath, [resolve('src/cli/content.ts'), 'translations'], {
      encoding: 'utf8',
      env: { ...process.env, POLO_CONTENT_DIR: join(build.dir, 'content') },
    });
    expect(run.status, run.stderr).toBe(0);
    const listed = run.stdout.split('\n').filter((line) => line.includes(name));
    expect(listed.map((line) => line.trim().split(/\s+/)[0])).toEqual(
      localeCodes.filter((lang) => lang !== 'it'),
    );
  });
});
