/**
 * What a reader's phone keeps for offline reading, decided once for the worker's build and the
 * budget test: a language's pages and calendar (the favicon is inside every page). Not the
 * manifest and app icons (an installed app holds its own), and never the newsletter pages
 * (their links carry tokens), the API, feeds or link-preview images.
 */

/** The service worker's address; its scope is the whole site. */
export const workerPath = '/sw.js';

/** Each language's words for the worker's offline page, e.g. 'ar/offline-words.json'. */
export const offlineWordsFile = 'offline-words.json';

/** The app icons, shared by every language: [file name, size in px, purpose]. */
export const appIcons = [
  ['icon-192.png', 192, 'any'],
  ['icon-512.png', 512, 'any'],
  ['icon-maskable-512.png', 512, 'maskable'],
] as const;

/** The icons' address, e.g. 'icon-192.png' => '/icons/icon-192.png'. */
export const iconPath = (file: string) => `/icons/${file}`;

/** The manifest of a language, e.g. 'ar' => '/ar/manifest.webmanifest'. */
export const manifestPath = (lang: string) => `/${lang}/manifest.webmanifest`;

/** Pages only a form leads to (the report's thank-you page): nothing to read offline. */
const afterAFormOnly = new Set(['accessibilita/grazie/index.html']);

/**
 * Whether a built file of a language's folder is kept, e.g. 'orari/index.html' => true,
 * 'orari.ics' => true, 'newsletter/confirm/index.html' => false, 'rss.xml' => false.
 */
export function isKeptFile(pathInLanguage: string): boolean {
  if (pathInLanguage.split('/')[0] === 'newsletter') return false;
  if (afterAFormOnly.has(pathInLanguage)) return false;
  return /(^|\/)index\.html$|\.ics$/.test(pathInLanguage);
}

/** The address of a built file, e.g. 'ar/orari/index.html' => '/ar/orari/'. */
export function fileUrl(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * What one language keeps at most, brotli bytes: a cheap phone's share per language read,
 * whatever staff publish. When the pages weigh more, the first in `keepRank`'s order are kept.
 */
export const keptBudget = 150 * 1024;

/**
 * The order in which a language's files are kept, lower first, e.g. 'index.html' => 0: the
 * home, the hours and their calendar, the desks, the notices, then the other pages.
 */
export function keepRank(pathInLanguage: string): number {
  if (pathInLanguage === 'index.html') return 0;
  if (/^orari(\/|\.ics$)/.test(pathInLanguage)) return 1;
  if (pathInLanguage.startsWith('sportelli/')) return 2;
  if (pathInLanguage === 'avvisi/index.html') return 3;
  if (pathInLanguage.startsWith('avvisi/')) return 4;
  return 5;
}

/**
 * The files kept within `budget`: the longest run, in `keepRank`'s order, that fits, e.g. with a
 * budget of 10 and files of 4, 4 and 4 bytes => the first two. The rest open online only.
 */
export function withinBudget<F extends { path: string; bytes: number }>(
  files: readonly F[],
  budget = keptBudget,
): F[] {
  const ordered = [...files].sort(
    (a, b) => keepRank(a.path) - keepRank(b.path) || a.path.localeCompare(b.path),
  );
  const kept: F[] = [];
  let total = 0;
  for (const file of ordered) {
    total += file.bytes;
    if (total > budget) break;
    kept.push(file);
  }
  return kept;
}
