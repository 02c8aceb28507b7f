/**
 * The pages the site must have, derived from the content folder (not from the build), so a
 * page the build forgets is a failing test.
 */
import { readdirSync } from 'node:fs';
import { locales } from '../../src/i18n/locales';

const slugs = (folder: string) =>
  readdirSync(`content/${folder}/it`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3));

/** The desks, e.g. 'lavoro'. */
export const activitySlugs = slugs('activities');

/** Paths without language, e.g. '/orari/'. */
export const pagePaths = [
  '/',
  ...activitySlugs.map((slug) => `/sportelli/${slug}/`),
  ...activitySlugs.map((slug) => `/sportelli/${slug}/scheda/`),
  '/orari/',
  '/programma/',
  '/avvisi/',
  ...slugs('notices').map((slug) => `/avvisi/${slug}/`),
  '/privacy/',
  '/accessibilita/',
  '/newsletter/',
  '/newsletter/check-email/',
];

export const sitePages = locales.flatMap((locale) =>
  pagePaths.map((path) => ({ locale, path, url: `/${locale.code}${path}` })),
);

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
