/**
 * A month of staff edits (tests/staff-edits/apply.ts: Tuesday's hours, a closure next month, a
 * notice, a new desk in Italian only, an English translation deleted) on a copy of the content,
 * built: everything that must hold for any content holds on it, and each edit shows where a
 * reader looks. `npm run test:staff-edits` runs the whole of `npm test` on such a copy.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes, localeInfo } from '../../src/lib/locales';
import { formatTime } from '../../src/lib/dates';
import { italianInstant } from '../../src/lib/hours/schedule';
import { statusSpanDays } from '../../src/page-data/status-span';
import { addDays } from '../../src/lib/calendar-days';
import { applyStaffEdits, type StaffEdits } from '../staff-edits/apply';
import { contentInvariants } from '../support/content-invariants';
import { hoursTables } from '../support/built-hours';
import { carriedLine } from '../support/carried-status';
import { readable } from '../support/html-tree';
import { htmlErrors } from '../support/html-checker';
import { copyOfContent, runAstro, type AstroRun } from './content-copy';

let dir = '';
let edits: StaffEdits;
let build: AstroRun;
const client = () => join(dir, 'dist/client');
const page = (url: string) => readFileSync(join(client(), url, 'index.html'), 'utf8');

beforeAll(async () => {
  dir = copyOfContent();
  edits = await applyStaffEdits(join(dir, 'content'));
  build = runAstro('build', dir);
  expect(build.ok, build.output).toBe(true);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('what holds for any content holds after the edits', () => {
  // The list of checks is the same for every content: only their answers read the copy.
  const names = Object.keys(contentInvariants('', ''));
  it.each(names)('%s', (name) => {
    const checks = contentInvariants(client(), join(dir, 'content'));
    expect(checks[name as keyof typeof checks]()).toEqual([]);
  });

  it('is valid HTML, every page', async () => {
    const { errors, readAll } = await htmlErrors(client());
    expect(errors).toEqual([]);
    expect(readAll).toBe(true);
  });
});

describe('each edit shows', () => {
  it.each(localeCodes)('Tuesday’s new hours in the %s hours table', (lang) => {
    const [table] = hoursTables(page(`/${lang}/orari/`));
    const tuesday = table?.rows.find((row) => row.day === 'tuesday');
    expect(tuesday?.open).toBe(true);
    expect(tuesday?.times).toContain(formatTime(edits.tuesday.opens, localeInfo(lang).intl));
  });

  it.each(localeCodes)('the closure on the %s hours page and in its status line', (lang) => {
    const html = page(`/${lang}/orari/`);
    const { from, to } = edits.closure;
    expect(html).toContain(`data-closure="notice" data-from="${from}" data-to="${to}"`);
    // A month ahead, inside the weeks the status line carries: closed, and saying why, each day.
    expect(to < addDays(edits.today, statusSpanDays)).toBe(true);
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const line = carriedLine(html, italianInstant(day, '10:30'));
      expect(line?.state, day).toBe('closed');
      expect(readable(line?.text ?? ''), day).toContain(edits.closure.title);
    }
  });

  it('the notices in every language, in Italian where untranslated', () => {
    for (const lang of localeCodes) {
      for (const { slug, title } of [edits.closure, edits.notice]) {
        expect(page(`/${lang}/avvisi/${slug}/`)).toContain(title);
      }
    }
    expect(page(`/it/avvisi/${edits.notice.slug}/`)).toContain(
      `href="/it/sportelli/${edits.notice.activity}/"`,
    );
  });

  it('the new desk in every language, in Italian with a notice where untranslated', () => {
    for (const lang of localeCodes) {
      const html = page(`/${lang}/sportelli/${edits.newDesk.slug}/`);
      expect(html).toContain(edits.newDesk.title);
      expect(html.includes('data-translation-notice="fallback"'), lang).toBe(lang !== 'it');
      expect(page(`/${lang}/`)).toContain(`href="/${lang}/sportelli/${edits.newDesk.slug}/"`);
      expect(page(`/${lang}/sportelli/${edits.newDesk.slug}/scheda/`)).toContain(
        edits.newDesk.title,
      );
    }
  });

  it('the deleted translation as the Italian text, with a notice in English', () => {
    const { lang, slug } = edits.deletedTranslation;
    const html = page(`/${lang}/sportelli/${slug}/`);
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html).toContain('data-translation-notice="fallback"');
    expect(html).toMatch(/<div lang="it" dir="ltr"[^>]*>\s*<h1/);
  });

  it('the closure a month ahead, never stale', () => {
    expect(edits.closure.from > edits.today).toBe(true);
    expect(addDays(edits.today, 35) > edits.closure.to).toBe(true);
  });
});
