/**
 * A build of the site with translations missing and notices present (the fixture
 * `tests/fixtures/fallback`): missing text falls back to Italian, says so in the reader's
 * language, and is marked as Italian; notices get their pages, lists and feeds.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveDates, runAstro, withFixture, type AstroRun } from './content-copy';
import { titleIn, todayInItaly } from '../support/content-facts';
import { carriedLine } from '../support/carried-status';
import { readable } from '../support/html-tree';
import { addDays } from '../../src/lib/calendar-days';
import { formatDate } from '../../src/lib/dates';
import { italianInstant } from '../../src/lib/hours/schedule';
import { uiString } from '../support/ui-strings';

/** The fixture's desk: Italian, English and Arabic, no French. */
const desk = 'sportello-prova';

let build: AstroRun;
const page = (path: string) =>
  readFileSync(
    join(build.dir, 'dist/client', path, path.endsWith('.xml') ? '' : 'index.html'),
    'utf8',
  );
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u2068\u2069]/g, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The fixture's closure (2099-12-24 to 2100-01-07) moved to ten days after the build, for two
 * weeks: inside the weeks the status line carries.
 */
const closure = { from: addDays(todayInItaly(), 10), to: addDays(todayInItaly(), 24) };

beforeAll(() => {
  const dir = withFixture('tests/fixtures/fallback');
  moveDates(
    dir,
    ['it', 'fr'].map((lang) => `notices/${lang}/chiusura-prova.md`),
    { '2099-12-24': closure.from, '2100-01-07': closure.to },
  );
  build = runAstro('build', dir);
  expect(build.ok, build.output).toBe(true);
}, 120_000);

afterAll(() => rmSync(build.dir, { recursive: true, force: true }));

describe('a missing translation', () => {
  it('shows the Italian text with a notice in French on the French page', () => {
    const html = page(`fr/sportelli/${desk}`);
    expect(html).toMatch(/<html lang="fr" dir="ltr"/);
    expect(html).toContain('data-translation-notice="fallback"');
    expect(html).toContain(uiString('fr', 'translation.fallback'));
    expect(html).toMatch(/<div lang="it" dir="ltr"[^>]*>\s*<h1[^>]*>Sportello di prova<\/h1>/);
    // The rest of the page stays French.
    expect(html).toContain(uiString('fr', 'activity.hours.title'));
  });

  it('shows the Italian text with a notice in Arabic on the Arabic page, left to right', () => {
    const html = page('ar/privacy');
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain(uiString('ar', 'translation.fallback'));
    // The Italian title, whatever staff have made it.
    const title = titleIn('pages', 'privacy', 'it', join(build.dir, 'content'));
    expect(html).toMatch(
      new RegExp(`<div lang="it" dir="ltr"[^>]*>\\s*<h1[^>]*>${escape(title)}</h1>`),
    );
  });

  it('fills the French half of the two-language card with the Italian text, marked and noted', () => {
    const html = page(`fr/sportelli/${desk}/scheda`);
    expect(html).toMatch(/<section class="side[^"]*"[^>]* lang="fr" dir="ltr"/);
    expect(html).toContain(uiString('fr', 'translation.fallback'));
    expect(html).toMatch(/<div lang="it" dir="ltr"[^>]*>\s*<h1[^>]*>Sportello di prova<\/h1>/);
    // The interface words of the French half stay French: its table speaks French.
    expect(html).toContain(uiString('fr', 'activity.hours.title'));
    expect(html).toMatch(/<section class="side[^"]*"[^>]* lang="it" dir="ltr"/);
  });

  it('leaves translated pages without the fallback notice', () => {
    expect(page(`en/sportelli/${desk}`)).not.toContain('data-translation-notice="fallback"');
    expect(page(`en/sportelli/${desk}`)).toContain('data-translation-notice="machine"');
    expect(page(`it/sportelli/${desk}`)).not.toContain('data-translation-notice');
  });
});

describe('honest labels', () => {
  it('say on a machine translation that the Italian text was checked, and the translation not', () => {
    const en = page(`en/sportelli/${desk}`);
    expect(en).toContain('data-last-reviewed="machine"');
    expect(textOf(en)).toContain(uiString('en', 'review.machine').split('{date}')[0]);
    expect(page(`it/sportelli/${desk}`)).toContain('data-last-reviewed="person"');
  });

  it('mark the hours page, all interface words, as a machine translation outside Italian', () => {
    expect(page('fr/orari')).toContain('data-translation-notice="machine"');
    expect(page('it/orari')).not.toContain('data-translation-notice');
  });

  it('date both halves of a card', () => {
    const card = page(`ar/sportelli/${desk}/scheda`);
    expect(card.match(/data-last-reviewed=/g)).toHaveLength(2);
  });
});

describe('notices', () => {
  it('get a page in every language, translated or falling back', () => {
    const it_ = page('it/avvisi/chiusura-prova');
    expect(textOf(it_)).toContain(
      `Polo chiuso dal ${formatDate(closure.from, 'it-IT')} al ${formatDate(closure.to, 'it-IT')}`,
    );
    expect(it_).toContain(`href="/it/sportelli/${desk}/"`);
    // The desk's name, a link, stands where the language puts {name}, once.
    for (const lang of ['it', 'fr', 'ar'] as const) {
      const [before = '', after = ''] = uiString(lang, 'notices.activity').split('{name}');
      const html = page(`${lang}/avvisi/chiusura-prova`);
      const line = new RegExp(
        `<p[^>]*>\\s*${escape(before.trim())}\\s*<a href="/${lang}/sportelli/${desk}/"[^>]*>[^<]+</a>\\s*${escape(after.trim())}\\s*</p>`,
      );
      expect(
        html.match(
          new RegExp(`<p[^>]*>[^<]*<a href="[^"]*/sportelli/${desk}/"[^>]*>.*?</p>`, 's'),
        )?.[0],
      ).toMatch(line);
    }
    expect(page('fr/avvisi/chiusura-prova')).toContain('Annonce de test');
    expect(page('fr/avvisi/chiusura-prova')).toContain('data-translation-notice="machine"');
    const en = page('en/avvisi/chiusura-prova');
    expect(en).toContain('data-translation-notice="fallback"');
    expect(en).toContain('Avviso di prova');
    expect(textOf(en)).toContain(formatDate(closure.from, 'en-GB'));
  });

  it('are listed, counted and linked from the home page, with no empty state', () => {
    const list = page('it/avvisi');
    expect(list).toContain('href="/it/avvisi/chiusura-prova/"');
    expect(textOf(list)).toContain('1 avviso');
    expect(list).not.toContain('data-empty-notices');
    expect(page('ar')).toContain('href="/ar/avvisi/chiusura-prova/"');
  });

  it('declare closures that the hours page lists and the status line knows', () => {
    const hours = page('fr/orari');
    expect(hours).toContain(
      `data-closure="notice" data-from="${closure.from}" data-to="${closure.to}"`,
    );
    expect(textOf(hours)).toContain('Annonce de test');
    const line = carriedLine(hours, italianInstant(closure.from, '10:00'));
    expect(line?.state).toBe('closed');
    expect(readable(line?.text ?? '')).toContain('Annonce de test');
  });

  it('appear in each language’s RSS feed', () => {
    expect(page('fr/rss.xml')).toContain('<title>Annonce de test</title>');
    expect(page('fr/rss.xml')).toMatch(
      /<link>https?:\/\/[^<]+\/fr\/avvisi\/chiusura-prova\/<\/link>/,
    );
    expect(page('ar/rss.xml')).toContain('<title>Avviso di prova</title>');
  });
});
