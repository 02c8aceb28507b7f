/**
 * "Listen" in the build, whatever staff publish: every reading page (home, activities,
 * programme, hours, notices) carries the speech control, hidden until its inline check finds a
 * voice, or a recording; the reader itself is a file no page loads on a first visit, which the
 * service worker never fetches ahead, nor any recording; every such page keeps its budgets.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedBy, pageBudgetProblems } from '../support/page-budgets';
import { sitePages } from '../support/site-pages';

const client = 'dist/client';
const reading = sitePages.filter(({ path }) =>
  /^\/($|sportelli\/[^/]+\/$|orari\/$|programma\/$|avvisi\/[^/]+\/$)/.test(path),
);
const htmlOf = (url: string) => readFileSync(join(client, url, 'index.html'), 'utf8');
const reader = readdirSync(join(client, '_astro')).find((name) =>
  /^read-aloud\.[\w-]+\.js$/.test(name),
);

describe('listen, in the built pages', () => {
  it('finds the reading pages and the reader', () => {
    expect(reading.length).toBeGreaterThan(20);
    expect(reader).toBeDefined();
  });

  it.each(reading.map(({ url }) => url))(
    '%s offers listening, hidden until checked, within its budgets',
    (url) => {
      const html = htmlOf(url);
      const control = /<div\b[^>]*\bdata-read-aloud\b[^>]*>/.exec(html)?.[0];
      const recording = /<audio\b[^>]*>/.exec(html)?.[0];
      expect(control ?? recording, 'a control or a recording').toBeDefined();
      if (control) {
        // Shown by the check only: without JavaScript it stays hidden.
        expect(control).toMatch(/\shidden(?=[\s>=])/);
        expect(html).toContain(`/_astro/${reader}`);
      } else {
        expect(recording).toContain('preload="none"');
      }
      // Named in the check, never loaded with the page.
      expect(loadedBy(html).filter((file) => file.includes('/_astro/'))).toEqual([]);
      expect(pageBudgetProblems(client, join(url, 'index.html').slice(1))).toEqual([]);
    },
  );

  it('the worker fetches neither the reader nor a recording ahead', () => {
    const worker = readFileSync(join(client, 'sw.js'), 'utf8');
    expect(worker).not.toContain('/_astro/read-aloud');
    expect(worker).not.toMatch(/"\/audio\//);
  });

  it('the reader is precompressed like every script', () => {
    expect(existsSync(join(client, '_astro', `${reader}.br`))).toBe(true);
  });
});
