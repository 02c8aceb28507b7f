/**
 * Alternates of each sitemap entry. The sitemap's i18n option groups `/{lang}/…` pages; the
 * language chooser at `/` is no Italian page, so it is taken out of the Italian slot and
 * becomes the `x-default` of the home pages. Deeper pages' `x-default` is the Italian original.
 */
import { localeOfPath, localePath, stripLocale } from './paths';
import { locales, sourceLocale } from './locales';

export interface SitemapLink {
  lang: string;
  url: string;
}

/** Links for a page at `url`, e.g. https://x/ar/orari/ => every language and x-default. */
export function sitemapLinks(url: string): SitemapLink[] {
  const { origin, pathname } = new URL(url);
  const path = localeOfPath(pathname) ? stripLocale(pathname) : pathname;
  const links = locales.map((l) => ({ lang: l.code, url: `${origin}${localePath(l.code, path)}` }));
  const xDefault = path === '/' ? '/' : localePath(sourceLocale, path);
  return [...links, { lang: 'x-default', url: `${origin}${xDefault}` }];
}
