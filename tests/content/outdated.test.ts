/**
 * A build after an Italian edit (the fixture `tests/fixtures/outdated`): the translations made
 * from the earlier Italian words say so on their pages, in the reader's language, with the day
 * the Italian changed and a link to the Italian text; their footer keeps its own date; the
 * operators' command lists them. Current translations and the Italian pages say nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro, withFixture, type AstroRun } from './content-copy';
import { uiString } from '../support/ui-strings';
import { formatDate } from '../../src/lib/dates';
import { localeInfo } from '../../src/lib/locales';

let build: AstroRun;
const page = (path: string) =>
  readFileSync(join(build.dir, 'dist/client', path, 'index.html'), 'utf8');
/** The out-of-date notice of a page, if any: its `<p>` element. */
const notice = (html: string) =>
  html.match(/<p\b[^>]*data-translation="outdated"[^>]*>[\s\S]*?<\/p>/)?.[0];
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u2068\u2069]/g, '');
const before = (text: string) => text.split('{date}')[0] ?? '';

beforeAll(() => {
  build = runAstro('build', withFixture('tests/fixtures/outdated'));
  expect(build.ok, build.output).toBe(true);
}, 120_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe('a translation made before the Italian text changed', () => {
  it('says so on the English page, with the day in English and a link to the Italian', () => {
    const html = page('en/sportelli/prova-cambiata');
    const p = notice(html) ?? '';
    expect(p).toContain('datetime="2026-12-01"');
    expect(textOf(p)).toContain(before(uiString('en', 'translation.outdated')));
    expect(textOf(p)).toContain(formatDate('2026-12-01', localeInfo('en').intl));
    expect(p).toMatch(/<a href="\/it\/sportelli\/prova-cambiata\/"[^>]*>/);
    expect(textOf(p)).toContain(uiString('en', 'translation.outdated.link'));
    // Near the top: before the title.
    expect(html.indexOf('data-translation="outdated"')).toBeLessThan(html.indexOf('<h1'));
  });

  it('says so in Arabic on the right-to-left page', () => {
    const html = page('ar/sportelli/prova-cambiata');
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    const p = notice(html) ?? '';
    expect(textOf(p)).toContain(before(uiString('ar', 'translation.outdated')));
    expect(textOf(p)).toContain(formatDate('2026-12-01', localeInfo('ar').intl));
    expect(p).toContain('href="/it/sportelli/prova-cambiata/"');
  });

  it('says so without a day when the Italian file gives none', () => {
    const p = notice(page('en/avvisi/avviso-prova')) ?? '';
    expect(textOf(p)).toContain(uiString('en', 'translation.outdated.undated'));
    expect(p).not.toContain('<time');
    expect(p).toContain('href="/it/avvisi/avviso-prova/"');
  });

  it('keeps its own date in the footer, not the day the Italian was checked again', () => {
    const footer = page('en/sportelli/prova-cambiata').match(
      /data-last-reviewed[\s\S]*?<\/p>/,
    )?.[0];
    expect(footer).toContain('datetime="2026-11-20"');
    expect(footer).not.toContain('2026-12-01');
  });

  it('is marked on the translated half of the two-language card too', () => {
    expect(notice(page('en/sportelli/prova-cambiata/scheda'))).toBeDefined();
  });
});

describe('pages with nothing out of date', () => {
  it('say nothing: a current translation, an untracked one, the Italian text, a fallback', () => {
    for (const path of [
      'en/sportelli/prova-invariata',
      'fr/sportelli/prova-invariata',
      'it/sportelli/prova-cambiata',
      'fr/sportelli/prova-cambiata',
    ]) {
      expect(page(path), path).not.toContain('data-translation="outdated"');
    }
  });
});

describe('npm run content -- translations', () => {
  it('lists the outdated translations with the Italian change day, then the untracked one', () => {
    const run = spawnSync(process.execPath, [resolve('src/cli/content.ts'), 'translations'], {
      encoding: 'utf8',
      env: { ...process.env, POLO_CONTENT_DIR: join(build.dir, 'content') },
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const line = (file: string) => lines.find((l) => l.includes(file)) ?? '';
    expect(line('activities/en/prova-cambiata.md')).toMatch(/^\s*en\s+activities\s.*2026-12-01/);
    expect(line('activities/ar/prova-cambiata.md')).toMatch(/^\s*ar\s+activities\s.*2026-12-01/);
    expect(line('notices/en/avviso-prova.md')).toMatch(/^\s*en\s+notices\s/);
    expect(line('activities/en/prova-invariata.md')).toBe('');
    const untracked = lines.findIndex((l) => l.startsWith('Not tracked'));
    expect(untracked).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.includes('activities/fr/prova-invariata.md'))).toBeGreaterThan(
      untracked,
    );
  });
});
