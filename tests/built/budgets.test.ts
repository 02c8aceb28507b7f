/**
 * Byte budgets over every built page in every language, counted, never timed: the HTML with
 * its inline CSS and scripts fits 11 KB brotli (one round trip, with room for what staff add),
 * and everything the page loads fits 20 KB.
 * No web fonts; no request to another site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { workerPath } from '../../src/lib/offline';
import {
  brotli,
  brotliBytes,
  htmlBudgetProblem,
  incompressibleText,
  isEditor,
  keptBytes,
  pageBudgetProblems,
  readerPages,
  walk,
  workerBudget,
} from '../support/page-budgets';

const client = 'dist/client';
const kb = 1024;
const pages = readerPages(client);

describe('page weight', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it.each(pages.map((page) => [page]))('%s', (page) => {
    expect(pageBudgetProblems(client, page)).toEqual([]);
  });

  it('tells a page over the budget: the heaviest page with a 3 KB paragraph added', () => {
    const [heaviest] = pages.toSorted((a, b) => brotli(join(client, b)) - brotli(join(client, a)));
    if (!heaviest) throw new Error('no page');
    const html = readFileSync(join(client, heaviest), 'utf8');
    const planted = html.replace('</main>', `<p>${incompressibleText(3_000)}</p></main>`);
    expect(brotliBytes(planted) - brotliBytes(html)).toBeGreaterThanOrEqual(3_000);
    expect(htmlBudgetProblem(heaviest, brotliBytes(html))).toBeUndefined();
    expect(htmlBudgetProblem(heaviest, brotliBytes(planted))).toContain('budget');
  });
});

describe('offline', () => {
  it(`the service worker weighs at most ${workerBudget / kb} KB brotli`, () => {
    const bytes = brotli(join(client, workerPath));
    expect(bytes, `${workerPath}: ${bytes} B brotli`).toBeLessThanOrEqual(workerBudget);
  });

  it.each(locales.map((l) => [l.code]))(
    `the pages kept in %s weigh at most 150 KB brotli, the home, hours and desks among them`,
    (lang) => {
      const { urls, bytes, budget, missing } = keptBytes(client, lang);
      expect(missing).toEqual([]);
      expect(bytes, `${urls.length} files, ${bytes} B brotli`).toBeLessThanOrEqual(budget);
    },
  );
});

describe('no web fonts, nothing from elsewhere', () => {
  const files = [...walk(client)].filter(
    (path) => /\.(html|css|js)$/.test(path) && !isEditor(client, path),
  );

  it('ships no font file and declares no @font-face', () => {
    expect([...walk(client)].filter((path) => /\.(woff2?|ttf|otf|eot)$/i.test(path))).toEqual([]);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/@font-face/i);
  });

  it('names no other site in anything a browser would fetch or import', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/@import\s+(url\()?['"]?https?:/i);
      expect(text, file).not.toMatch(
        /<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="(https?:)?\/\//i,
      );
      expect(text, file).not.toMatch(
        /<link\b[^>]*rel="(stylesheet|icon|preload|modulepreload|manifest)"[^>]*href="(https?:)?\/\//i,
      );
      expect(text, file).not.toMatch(/\bfetch\(\s*['"`]https?:/);
    }
  });
});

describe('server secrets stay on the server', () => {
  it('no file a browser can fetch names a server setting or holds its local secret', () => {
    const sent = [...walk(client)].filter((path) => /\.(html|js|css|json|xml|txt)$/.test(path));
    for (const file of sent) {
      const text = readFileSync(file, 'utf8');
      for (const name of [
        'NEWSLETTER_SECRET',
        'DATABASE_URL',
        'DATABASE_AUTH_TOKEN',
        'SMTP_URL',
        'libsql',
      ]) {
        expect(text, `${file} mentions ${name}`).not.toContain(name);
      }
    }
  });
});
