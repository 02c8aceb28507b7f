/**
 * Byte budgets over every built page in every language, counted, never timed: the HTML with
 * its inline CSS and scripts fits one round trip (14 KB brotli), and everything the page loads
 * fits 20 KB.
 * No web fonts; no request to another site.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { keptFiles } from '../../src/integrations/service-worker';
import { workerPath } from '../../src/lib/offline';

const client = 'dist/client';
const kb = 1024;
const htmlBudget = 14 * kb;
const pageBudget = 20 * kb;
const workerBudget = 8 * kb;
/** Everything one language keeps for offline reading (pages, calendar, manifest, icons). */
const keptBudget = 150 * kb;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const brotli = (path: string) =>
  brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    .length;

// The editor at /admin/ is for staff, not readers: its budget is not a reader's (docs/benchmarks.md).
const isEditor = (path: string) => relative(client, path).split(sep)[0] === 'admin';

const pages = [...walk(client)].filter((path) => path.endsWith('.html') && !isEditor(path));

/** What a browser fetches to show the page: styles, scripts, icons, manifest, images (not data: URLs, which are in the page). */
function loadedBy(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:link|script|img|source|iframe|video|audio)\b[^>]*>/g)) {
    const rel = tag.match(/\brel="([^"]*)"/)?.[1] ?? '';
    // Links to other documents (alternates, canonical) are not fetched with the page.
    if (
      tag.startsWith('<link') &&
      !/\b(stylesheet|icon|manifest|preload|modulepreload|apple-touch-icon)\b/.test(rel)
    )
      continue;
    const url = tag.match(/\b(?:src|href)="([^"]*)"/)?.[1];
    if (url && !url.startsWith('data:')) urls.add(url);
  }
  for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]+)/g))
    if (url && !url.startsWith('data:')) urls.add(url);
  return [...urls];
}

describe('page weight', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it.each(pages.map((path) => [relative(client, path)]))('%s', (page) => {
    const path = join(client, page);
    const html = readFileSync(path, 'utf8');
    const htmlBytes = brotli(path);
    expect(
      htmlBytes,
      `${page}: HTML ${htmlBytes} B brotli, budget ${htmlBudget}`,
    ).toBeLessThanOrEqual(htmlBudget);

    // The link-preview image is only named (og:image), for apps that show a shared link:
    // the page never loads it, so it counts in no budget.
    const preview = html.match(/<meta property="og:image" content="([^"]*)"/)?.[1];
    if (preview) {
      const { pathname } = new URL(preview);
      expect(loadedBy(html).map((url) => new URL(url, preview).pathname)).not.toContain(pathname);
    }

    // One request per page: scripts, styles and the favicon (a data: URL) travel inside the
    // HTML; the manifest is linked by a script once the page is on screen.
    expect(loadedBy(html), `${page} loads other files`).toEqual([]);

    let total = htmlBytes;
    for (const url of loadedBy(html)) {
      expect(url, `${page} loads ${url} from another site`).toMatch(/^\/(?!\/)/);
      const file = join(client, url.split(/[?#]/)[0] ?? url);
      expect(statSync(file).isFile(), `${page} loads ${url}, which the build lacks`).toBe(true);
      total += brotli(file);
    }
    expect(
      total,
      `${page}: ${total} B brotli with everything it loads, budget ${pageBudget}`,
    ).toBeLessThanOrEqual(pageBudget);
  });
});

describe('offline', () => {
  const kept = keptFiles(client);
  const isNoticePage = (url: string) => /^\/[\w-]+\/avvisi\/[^/]+\/$/.test(url);
  const fileOf = (url: string) => join(client, url.endsWith('/') ? `${url}index.html` : url);

  it(`the service worker weighs at most ${workerBudget / kb} KB brotli`, () => {
    const bytes = brotli(join(client, workerPath));
    expect(bytes, `${workerPath}: ${bytes} B brotli`).toBeLessThanOrEqual(workerBudget);
  });

  it.each(locales.map((l) => [l.code]))(
    `the pages kept in %s weigh at most ${keptBudget / kb} KB brotli`,
    (lang) => {
      // A notice's own page comes and goes with the staff's work: the page budget holds each
      // one; this budget holds what every reader keeps whatever is published.
      const urls = Object.keys(kept[lang] ?? {}).filter((url) => !isNoticePage(url));
      expect(urls).toContain(`/${lang}/orari/`);
      const bytes = urls.reduce((sum, url) => sum + brotli(fileOf(url)), 0);
      expect(bytes, `${urls.length} files, ${bytes} B brotli`).toBeLessThanOrEqual(keptBudget);
    },
  );
});

describe('no web fonts, nothing from elsewhere', () => {
  const files = [...walk(client)].filter(
    (path) => /\.(html|css|js)$/.test(path) && !isEditor(path),
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
