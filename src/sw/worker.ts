/**
 * The service worker (built to /sw.js by src/integrations/service-worker.ts). After a first
 * visit in a language, the page asks it to keep that language's pages; from then on:
 * - a kept page comes from the network when it answers within a few seconds, and is kept
 *   fresh; otherwise the kept copy is shown, with its notice "Saved copy of {date}" made
 *   visible;
 * - a page beyond the language's budget is kept once read;
 * - hashed assets (/_astro/) come from the cache first: their names change with their content;
 * - `/` comes from the network (the server sends it on to the browser's language, or shows
 *   the chooser); offline, it opens the home of a kept language, the browser's first choice
 *   among them;
 * - a navigation the network cannot answer and nothing kept can (a page never read, another
 *   language, the newsletter, a mistyped address) gets the offline page, in the language of
 *   its path, listing what the device keeps;
 * - anything else (the newsletter pages and their tokens, the API, posts, addresses with a
 *   query) passes through untouched and is never kept.
 * A new deploy brings a new worker (its list of revisions changes), which fetches again only
 * the kept files whose revision changed and drops those that are gone.
 */
import { fillDate } from '../lib/date-words';
import { italianDay } from '../lib/hours/schedule';
import { preferredLanguage } from '../lib/accept-language';
import { listedTitle, offlinePage, type OfflineWords, type SavedPage } from '../lib/offline-page';

/**
 * Built in, per language: each file kept after a first visit (`kept`) and each kept once read
 * (`onceVisited`), address => revision; and the words of its offline page and dates.
 */
declare const KEPT: Record<
  string,
  { kept: Record<string, string>; onceVisited: Record<string, string>; words: OfflineWords }
>;
/** Built in: the language of a path that names none, before any page was read. */
declare const SOURCE_LOCALE: string;
/** Built in: the CSP hash of the offline page's style. */
declare const OFFLINE_STYLE_HASH: string;

// The few service-worker types used here (the project's TypeScript checks DOM code). The file
// is a module (its import), so that these names stay its own.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface KeepMessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: KeepMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const worker = self as unknown as WorkerScope;

const pagesCache = 'polo-pages';
const assetsCache = 'polo-assets';
/** What the worker remembers: the language of the last page read. */
const stateCache = 'polo-state';
const lastLanguageKey = '/last-language';
/** Beyond this, a slow network loses to the kept copy (and still refreshes it when it answers). */
const networkTimeout = 4000;
/** The header that carries a kept file's revision. */
const revisionHeader = 'x-polo-revision';

const revisions = new Map<string, string>(
  Object.values(KEPT).flatMap(({ kept, onceVisited }) => [
    ...Object.entries(kept),
    ...Object.entries(onceVisited),
  ]),
);
/** Every kept address in the order pages are listed: by language, home, hours, desks first. */
const listOrder = [...revisions.keys()];

/** Keeps a response with only what showing it needs: its type, its date, its revision. */
async function keepResponse(cache: Cache, path: string, response: Response) {
  const headers = new Headers({ [revisionHeader]: revisions.get(path) ?? '' });
  for (const name of ['content-type', 'date']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  await cache.put(path, new Response(await response.blob(), { headers }));
}

/**
 * Keeps every file of a language, fetching only those missing or of an older revision; pages
 * kept once read are fetched again only if held.
 */
async function keepLanguage(lang: string) {
  const files = KEPT[lang];
  if (!files) return;
  const cache = await caches.open(pagesCache);
  const wanted = [
    ...Object.entries(files.kept).map(([path, revision]) => ({ path, revision, always: true })),
    ...Object.entries(files.onceVisited).map(([path, revision]) => ({
      path,
      revision,
      always: false,
    })),
  ];
  await Promise.all(
    wanted.map(async ({ path, revision, always }) => {
      const held = await cache.match(path);
      if (held?.headers.get(revisionHeader) === revision || (!held && !always)) return;
      try {
        const response = await fetch(path, { cache: 'no-cache' });
        if (response.ok) await keepResponse(cache, path, response);
      } catch {
        // Offline or the server is away: the copy held, if any, stays until the next visit.
      }
    }),
  );
}

/** The languages a reader has kept: those whose home page is in the cache. */
async function keptLanguages(): Promise<string[]> {
  const cache = await caches.open(pagesCache);
  const langs = await Promise.all(
    Object.keys(KEPT).map(async (lang) => ((await cache.match(`/${lang}/`)) ? lang : undefined)),
  );
  return langs.filter((lang) => lang !== undefined);
}

/** Drops kept files that the current deploy no longer has. */
async function dropRemoved() {
  const cache = await caches.open(pagesCache);
  for (const request of await cache.keys()) {
    if (!revisions.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

/** The instant a kept copy was fetched. */
const savedAt = (held: Response) => new Date(held.headers.get('date') ?? Date.now());

const languages = new Set(Object.keys(KEPT));
/** Pages kept when read, e.g. a notice beyond its language's budget. */
const keptOnceRead = new Set(
  Object.values(KEPT).flatMap(({ onceVisited }) => Object.keys(onceVisited)),
);

/** The language of a path, e.g. '/ar/orari/' => 'ar', '/orari/' => undefined. */
const languageOf = (path: string) => {
  const lang = path.split('/')[1] ?? '';
  return languages.has(lang) ? lang : undefined;
};

/** The kept copy of a page, with its offline notice shown and dated. */
async function savedCopy(path: string, held: Response): Promise<Response> {
  const type = held.headers.get('content-type') ?? '';
  const words = KEPT[languageOf(path) ?? '']?.words;
  if (!type.startsWith('text/html') || !words) return held;
  const saved = savedAt(held);
  const date = fillDate(words.dates, italianDay(saved.getTime()).iso);
  // Matched by attribute, whatever the order and form (`hidden`, `hidden=""`) the page took.
  const html = (await held.text())
    .replace(/<p\b[^>]*\bdata-offline-notice\b[^>]*>/, (tag) =>
      tag.replace(/\shidden(?:="")?(?=[\s>])/, ''),
    )
    // An empty span as sent (an empty <time> is invalid HTML), a dated <time> once shown.
    .replace(
      /<span\b([^>]*\bdata-saved-on\b[^>]*)><\/span>/,
      `<time$1 datetime="${saved.toISOString()}">${date}</time>`,
    );
  return new Response(html, { headers: held.headers });
}

/** The language the reader last read a page in, if any. */
async function lastLanguage(): Promise<string | undefined> {
  const held = await (await caches.open(stateCache)).match(lastLanguageKey);
  return languageOf(`/${(await held?.text()) ?? ''}/`);
}

/** The pages the device keeps, the language `first` first, then in the build's order. */
async function savedPages(first: string): Promise<SavedPage[]> {
  const cache = await caches.open(pagesCache);
  const pages = await Promise.all(
    (await cache.keys()).map(async (request) => {
      const path = new URL(request.url).pathname;
      const held = await cache.match(request);
      const lang = languageOf(path);
      if (!held || !lang || !held.headers.get('content-type')?.startsWith('text/html')) return [];
      return [
        {
          path,
          title: listedTitle(await held.text(), KEPT[lang]?.words.siteName ?? ''),
          lang,
          dir: KEPT[lang]?.words.dir ?? 'ltr',
          savedOn: italianDay(savedAt(held).getTime()).iso,
        },
      ];
    }),
  );
  const rank = (page: SavedPage) => (page.lang === first ? -1 : 0);
  return pages
    .flat()
    .sort((a, b) => rank(a) - rank(b) || listOrder.indexOf(a.path) - listOrder.indexOf(b.path));
}

/** The offline page for `path`: in its language, else the last one read, else Italian. */
async function offlineAnswer(path: string): Promise<Response> {
  const lang = languageOf(path) ?? (await lastLanguage()) ?? SOURCE_LOCALE;
  const words = KEPT[lang]?.words ?? KEPT[SOURCE_LOCALE]?.words;
  if (!words) return Response.error();
  const html = offlinePage(words, await savedPages(words.lang), path, OFFLINE_STYLE_HASH);
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Network first, the kept copy when the network fails or is slow; a page not held is kept
 * once read when the build lists it; a navigation nothing answers gets the offline page.
 */
async function networkFirst(event: FetchEvent, path: string): Promise<Response> {
  const cache = await caches.open(pagesCache);
  const held = revisions.has(path) ? await cache.match(path) : undefined;
  const network = fetch(event.request).then(async (response) => {
    // What the reader already keeps is refreshed, and a page kept once read is kept now; the
    // other pages of a language not visited stay out (they wait for the page's message).
    if ((held || keptOnceRead.has(path)) && response.ok) {
      await keepResponse(cache, path, response.clone());
    }
    return response;
  });
  if (!held) {
    return event.request.mode === 'navigate' ? network.catch(() => offlineAnswer(path)) : network;
  }
  event.waitUntil(network.catch(() => undefined));
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, networkTimeout));
  const answer = await Promise.race([network, late]).catch(() => undefined);
  return answer ?? savedCopy(path, held);
}

/** `/` offline: a kept language's home, the one the browser prefers of those kept, if any. */
async function keptHome(): Promise<Response> {
  const kept = await keptLanguages();
  const lang = preferredLanguage(navigator.languages.join(','), kept) ?? kept[0];
  return lang ? Response.redirect(`/${lang}/`, 302) : offlineAnswer('/');
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(assetsCache);
  const held = await cache.match(request);
  if (held) return held;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('install', (event) => {
  // A new deploy: refresh what the reader keeps, then take over at once.
  event.waitUntil(
    keptLanguages()
      .then((langs) => Promise.all(langs.map(keepLanguage)))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(dropRemoved().then(() => worker.clients.claim()));
});

worker.addEventListener('message', (event) => {
  const lang = (event.data as { keep?: unknown } | null)?.keep;
  if (typeof lang !== 'string' || !languageOf(`/${lang}/`)) return;
  event.waitUntil(
    Promise.all([
      keepLanguage(lang),
      caches.open(stateCache).then((cache) => cache.put(lastLanguageKey, new Response(lang))),
    ]),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // A navigation with a query (a newsletter link's token) is never kept nor answered from the
  // cache: it only gets the offline page when the network fails.
  if (url.search) {
    if (request.mode === 'navigate') {
      event.respondWith(fetch(request).catch(() => offlineAnswer(url.pathname)));
    }
  } else if (url.pathname === '/' && request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(keptHome));
  } else if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request));
  else if (revisions.has(url.pathname) || request.mode === 'navigate') {
    event.respondWith(networkFirst(event, url.pathname));
  }
});
