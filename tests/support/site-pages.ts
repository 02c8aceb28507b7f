/**
 * The pages the site must have, derived from the content folder (not from the build), so a
 * page the build forgets is a failing test. The content is the one of the folder the tests run
 * in; `pagesOf` takes another, e.g. a copy with staff edits.
 */
import { locales } from '../../src/lib/locales';
import { activitiesOf, liveContent, slugsOf } from './content-facts';

/** Paths without language, e.g. '/orari/', for the content in `contentDir`. */
export function pagePathsOf(contentDir = liveContent): string[] {
  const activities = activitiesOf(contentDir);
  return [
    '/',
    ...activities.map(({ slug }) => `/sportelli/${slug}/`),
    ...activities.filter((a) => a.kind === 'desk').map(({ slug }) => `/sportelli/${slug}/scheda/`),
    '/orari/',
    '/programma/',
    '/avvisi/',
    ...slugsOf('notices', contentDir).map((slug) => `/avvisi/${slug}/`),
    '/privacy/',
    '/accessibilita/',
    '/newsletter/',
    '/newsletter/check-email/',
  ];
}

/** Pages reached only by sending a form: noindex, outside the sitemap, e.g. '/accessibilita/grazie/'. */
export const unlistedPaths = ['/accessibilita/grazie/'];

/** Every page in every language; `listed` ones are indexed, with alternates, in the sitemap. */
export function sitePagesOf(contentDir = liveContent) {
  const paths = pagePathsOf(contentDir);
  return locales.flatMap((locale) =>
    [...paths, ...unlistedPaths].map((path) => ({
      locale,
      path,
      url: `/${locale.code}${path}`,
      listed: !unlistedPaths.includes(path),
    })),
  );
}

const activities = activitiesOf();

/** The activities, desks and networks, in the site's order. */
export const activitySlugs = activities.map((a) => a.slug);

/** The desks, which the public visits and which have a card. */
export const deskSlugs = activities.filter((a) => a.kind === 'desk').map((a) => a.slug);

/** The networks (not desks: no hours, no card). */
export const networkSlugs = activities.filter((a) => a.kind === 'network').map((a) => a.slug);

/** Paths without language of the content the tests run on. */
export const pagePaths = pagePathsOf();

/** Every page of the content the tests run on, in every language. */
export const sitePages = sitePagesOf();

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
