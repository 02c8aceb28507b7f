/**
 * Link previews of the built site, in every language: each page's Open Graph tags, and the
 * images they name, decoded: one per desk (desks read from the content, not listed here) and
 * one for the site, 1200×630, at most 60 KB, with the title drawn where the title goes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/locales';
import { activitySlugs, sitePages } from '../support/site-pages';
import { inkIn, picture } from '../support/png-ink';

const client = 'dist/client';
const maxBytes = 60 * 1024;

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every `<meta property|name="key" content="…">` of a page, by key, in order. */
function metaTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = tag.match(/\b(?:property|name)="([^"]*)"/)?.[1];
    const content = tag.match(/\bcontent="([^"]*)"/)?.[1];
    if (key && content !== undefined) tags.set(key, [...(tags.get(key) ?? []), decode(content)]);
  }
  return tags;
}

const one = (tags: Map<string, string[]>, key: string) => {
  const values = tags.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0] ?? '';
};

const fileOf = (url: string) => join(client, new URL(url).pathname);

const images = locales.flatMap((locale) => [
  { locale, what: 'the site', path: `/${locale.code}/anteprima.png`, title: true },
  ...activitySlugs.map((slug) => ({
    locale,
    what: `desk ${slug}`,
    path: `/${locale.code}/sportelli/${slug}/anteprima.png`,
    title: true,
  })),
]);

describe('preview images', () => {
  it('finds a desk in the content', () => {
    expect(activitySlugs.length).toBeGreaterThan(0);
  });

  it.each(images.map((image) => [image.path, image]))(
    '%s: 1200×630 PNG, at most 60 KB, title drawn',
    (path, { locale }) => {
      const file = join(client, path);
      expect(existsSync(file), `${path} was not built`).toBe(true);
      const bytes = readFileSync(file);
      expect(statSync(file).size, `${path}: ${bytes.length} B`).toBeLessThanOrEqual(maxBytes);
      const pic = picture(bytes);
      expect([pic.width, pic.height]).toEqual([1200, 630]);
      // The title band holds the title: a good deal of ink, starting from the reading side.
      const title = inkIn(pic, 125, 485);
      expect(title.count, `${path}: title drawn`).toBeGreaterThan(1000);
      if (locale.dir === 'rtl') expect(title.right).toBeGreaterThan(1200 - 80 - 8);
      else expect(title.left).toBeLessThan(80 + 8);
    },
  );

  it('draws each desk differently in each language (its own title, not a copy)', () => {
    for (const slug of activitySlugs) {
      const files = locales.map((l) =>
        readFileSync(join(client, l.code, 'sportelli', slug, 'anteprima.png')).toString('base64'),
      );
      expect(new Set(files).size, slug).toBe(locales.length);
    }
  });

  it('are not in the sitemap', () => {
    const sitemap = readFileSync(join(client, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>');
    expect(sitemap).not.toMatch(/\.png</);
  });
});

describe('Open Graph tags', () => {
  // A page reached only by sending a form (noindex) is not one to share: it has no preview.
  it.each(sitePages.filter((page) => !page.listed).map((page) => [page.url]))(
    '%s has none',
    (url) => {
      const html = readFileSync(join(client, url, 'index.html'), 'utf8');
      expect(metaTags(html).has('og:url')).toBe(false);
    },
  );

  const shared = sitePages.filter((page) => page.listed);
  it.each(shared.map((page) => [page.url, page]))('%s', (url, { locale, path }) => {
    const html = readFileSync(join(client, url, 'index.html'), 'utf8');
    const tags = metaTags(html);
    const canonical = html.match(/<link rel="canonical" href="([^"]*)"/)?.[1];
    const title = decode(html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '');

    expect(one(tags, 'og:type')).toBe('website');
    expect(one(tags, 'og:url')).toBe(canonical);
    expect(one(tags, 'og:url')).toMatch(/^https?:\/\/[^/]+\//);
    expect(title.startsWith(one(tags, 'og:title'))).toBe(true);
    expect(one(tags, 'og:description')).toBe(one(tags, 'description'));
    expect(one(tags, 'og:locale')).toBe(locale.og);
    expect(tags.get('og:locale:alternate')?.toSorted()).toEqual(
      locales
        .filter((l) => l.code !== locale.code)
        .map((l) => l.og)
        .toSorted(),
    );

    const image = one(tags, 'og:image');
    const desk = path.match(/^\/sportelli\/([^/]+)\//)?.[1];
    expect(new URL(image).pathname).toBe(
      desk ? `/${locale.code}/sportelli/${desk}/anteprima.png` : `/${locale.code}/anteprima.png`,
    );
    expect(new URL(image).origin).toBe(new URL(canonical ?? '').origin);
    expect(existsSync(fileOf(image)), `${image} is in the build`).toBe(true);
    expect(one(tags, 'og:image:type')).toBe('image/png');
    expect(one(tags, 'og:image:width')).toBe('1200');
    expect(one(tags, 'og:image:height')).toBe('630');
    const alt = one(tags, 'og:image:alt');
    // The alt text says what the image shows, first the desk whose page (or card) this is.
    if (desk) expect(one(tags, 'og:title').startsWith(alt.split(' · ')[0] ?? '-')).toBe(true);
    expect(one(tags, 'twitter:card')).toBe('summary_large_image');
  });
});
