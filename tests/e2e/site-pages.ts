/**
 * The pages the site must have, derived from the content folder (not from the build), so a
 * page the build forgets is a failing test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { locales } from '../../src/lib/locales';

const slugs = (folder: string) =>
  readdirSync(`content/${folder}/it`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3));

/** The activities, desks and networks, e.g. 'lavoro', 'tavolo-territoriale'. */
export const activitySlugs = slugs('activities');

/** An activity's kind as its Italian file says it (the kind is written there only). */
function kindOf(slug: string): 'desk' | 'network' {
  const text = readFileSync(`content/activities/it/${slug}.md`, 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return (parse(front) as { kind?: 'desk' | 'network' }).kind ?? 'desk';
}

/** The desks, which the public visits and which have a card, e.g. 'lavoro'. */
export const deskSlugs = activitySlugs.filter((slug) => kindOf(slug) === 'desk');

/** The networks (not desks: no hours, no card), e.g. 'tavolo-territoriale'. */
export const networkSlugs = activitySlugs.filter((slug) => kindOf(slug) === 'network');

/** Paths without language, e.g. '/orari/'. */
export const pagePaths = [
  '/',
  ...activitySlugs.map((slug) => `/sportelli/${slug}/`),
  ...deskSlugs.map((slug) => `/sportelli/${slug}/scheda/`),
  '/orari/',
  '/programma/',
  '/avvisi/',
  ...slugs('notices').map((slug) => `/avvisi/${slug}/`),
  '/privacy/',
  '/accessibilita/',
  '/newsletter/',
  '/newsletter/check-email/',
];

/** Pages reached only by sending a form: noindex, outside the sitemap, e.g. '/accessibilita/grazie/'. */
export const unlistedPaths = ['/accessibilita/grazie/'];

/** Every page in every language; `listed` ones are indexed, with alternates, in the sitemap. */
export const sitePages = locales.flatMap((locale) =>
  [...pagePaths, ...unlistedPaths].map((path) => ({
    locale,
    path,
    url: `/${locale.code}${path}`,
    listed: !unlistedPaths.includes(path),
  })),
);

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
