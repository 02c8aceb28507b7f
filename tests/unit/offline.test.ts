/** What a phone keeps for offline reading: a language's pages, never a private one. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUrl, isKeptFile, withinBudget } from '../../src/lib/offline';
import { locales } from '../../src/lib/locales';
import { trimPageCsp } from '../../src/lib/csp';
import { offlineFiles } from '../../src/integrations/service-worker';

describe('kept for offline', () => {
  it.each([
    ['index.html', true],
    ['orari/index.html', true],
    ['orari.ics', true],
    ['sportelli/lavoro/scheda/index.html', true],
    ['avvisi/chiusura/index.html', true],
    ['accessibilita/index.html', true],
    ['accessibilita/grazie/index.html', false],
    ['newsletter/index.html', false],
    ['newsletter/confirm/index.html', false],
    ['rss.xml', false],
    ['anteprima.png', false],
    ['manifest.webmanifest', false],
    ['avvisi/newsletter.json', false],
  ])('%s: %s', (path, kept) => {
    expect(isKeptFile(path)).toBe(kept);
  });

  it('addresses a built file as a reader does', () => {
    expect(fileUrl('ar/orari/index.html')).toBe('/ar/orari/');
    expect(fileUrl('ar/index.html')).toBe('/ar/');
    expect(fileUrl('ar/orari.ics')).toBe('/ar/orari.ics');
  });
});

describe("a page's CSP", () => {
  const page = (policy: string, body: string) =>
    `<head><meta http-equiv="content-security-policy" content="${policy}"></head>${body}`;
  // sha256 of 'a()', base64; and a hash of nothing on the page.
  const scriptHash = "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='";
  const otherHash = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";

  it("keeps the hash of the page's own script and drops the others", () => {
    const html = page(`script-src 'self' ${scriptHash} ${otherHash}`, '<script>a()</script>');
    const trimmed = trimPageCsp(html);
    expect(trimmed).toContain(scriptHash);
    expect(trimmed).not.toContain(otherHash);
    expect(trimmed).toContain("script-src 'self'");
  });

  it.each([['&#x27;'], ['&#39;'], ['&apos;'], ['&#X27;']])(
    'trims a policy whose quotes are written %s, and writes them plain',
    (quote) => {
      const spelled = (policy: string) => policy.replaceAll("'", quote);
      const html = page(
        spelled(`script-src 'self' ${scriptHash} ${otherHash}`),
        '<script>a()</script>',
      );
      const trimmed = trimPageCsp(html);
      expect(trimmed).toContain(`content="script-src 'self' ${scriptHash}"`);
      expect(trimmed).not.toContain(otherHash.slice(1, -1));
      expect(trimmed).toContain('<script>a()</script>');
    },
  );
});

describe('what a language keeps when its pages weigh more than the budget', () => {
  const file = (path: string, bytes: number) => ({ path, bytes });
  const files = [
    file('privacy/index.html', 40),
    file('avvisi/chiuso/index.html', 30),
    file('sportelli/lavoro/index.html', 30),
    file('orari.ics', 5),
    file('orari/index.html', 25),
    file('index.html', 20),
  ];

  it('keeps everything that fits', () => {
    expect(withinBudget(files, 1000)).toHaveLength(files.length);
  });

  it('keeps the home, the hours and the desks first, and stops at the first that does not fit', () => {
    expect(withinBudget(files, 100).map((f) => f.path)).toEqual([
      'index.html',
      'orari.ics',
      'orari/index.html',
      'sportelli/lavoro/index.html',
    ]);
  });
});

describe('what the worker keeps once read', () => {
  it('is every page of a language beyond its budget, and nothing private', () => {
    const client = mkdtempSync(join(tmpdir(), 'polo-kept-'));
    for (const { code } of locales) mkdirSync(join(client, code));
    const page = (path: string, bytes: number) => {
      mkdirSync(dirname(join(client, 'ar', path)), { recursive: true });
      // Random letters: brotli cannot make them much smaller than they are.
      writeFileSync(join(client, 'ar', path), randomBytes(bytes).toString('base64'));
    };
    page('index.html', 100 * 1024);
    page('orari/index.html', 100 * 1024);
    page('privacy/index.html', 1024);
    page('newsletter/index.html', 1024);
    try {
      const { ar } = offlineFiles(client);
      expect(Object.keys(ar?.kept ?? {})).toEqual(['/ar/']);
      expect(Object.keys(ar?.onceVisited ?? {}).sort()).toEqual(['/ar/orari/', '/ar/privacy/']);
    } finally {
      rmSync(client, { recursive: true, force: true });
    }
  });
});
