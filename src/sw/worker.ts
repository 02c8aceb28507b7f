/**
 * The service worker (built to /sw.js by src/integrations/service-worker.ts). After a first
 * visit in a language, the page asks it to keep that language's pages; from then on:
 * - a kept page comes from the network when it answers within a few seconds, and is kept
 *   fresh; otherwise the kept copy is shown, with its notice "Saved copy of {date}" made
 *   visible;
 * - hashed assets (/_astro/) come from the cache first: their names change with their content;
 * - `/` comes from the network (the server sends it on to the browser's language, or shows
 *   the chooser); offline, it opens the home of a kept language, the browser's first choice
 *   among them;
 * - anything else (other languages not yet visited, the newsletter pages and their tokens,
 *   the API, posts, addresses with a query) passes through untouched and is never kept.
 * A new deploy brings a new worker (its list of revisions changes), which fetches again only
 * the kept files whose revision changed and drops those that are gone.
 */

import { preferredLanguage } from '../lib/accept-language';

/** Built in: per language, its Intl tag and each kept file's address and revision. */
declare const KEPT: Record<string, { intl: string; files: Record<string, string> }>;
/** Built in: src/lib/dates.ts's siteTimeZone (the worker is bundled apart from the site). */
declare const SITE_TIME_ZONE: string;

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
/** Beyond this, a slow network loses to the kept copy (and still refreshes it when it answers). */
const networkTimeout = 4000;
/** The header that carries a kept file's revision. */
const revisionHeader = 'x-polo-revision';

const revisions = new Map<string, string>(
  Object.values(KEPT).flatMap(({ files }) => Object.entries(files)),
);

/** Keeps a response with only what showing it needs: its type, its date, its revision. */
async function keepResponse(cache: Cache, path: string, response: Response) {
  const headers = new Headers({ [revisionHeader]: revisions.get(path) ?? '' });
  for (const name of ['content-type', 'date']) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  await cache.put(path, new Response(await response.blob(), { headers }));
}

/** Keeps every file of a language, fetching only those missing or of an older revision. */
async function keepLanguage(lang: string) {
  const kept = KEPT[lang];
  if (!kept) return;
  const cache = await caches.open(pagesCache);
  await Promise.all(
    Object.entries(kept.files).map(async ([path, revision]) => {
      const held = await cache.match(path);
      if (held?.headers.get(revisionHeader) === revision) return;
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

/** The kept copy of a page, with its offline notice shown and dated. */
async function savedCopy(path: string, held: Response): Promise<Response> {
  const type = held.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) return held;
  const lang = path.split('/')[1] ?? '';
  const saved = new Date(held.headers.get('date') ?? Date.now());
  const date = new Intl.DateTimeFormat(KEPT[lang]?.intl, {
    dateStyle: 'long',
    timeZone: SITE_TIME_ZONE,
  }).format(saved);
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

/** Network first, the kept copy when the network fails or is slow. */
async function networkFirst(event: FetchEvent, path: string): Promise<Response> {
  const cache = await caches.open(pagesCache);
  const held = await cache.match(path);
  const network = fetch(event.request).then(async (response) => {
    // Only what the reader already keeps is refreshed: a language not visited stays out.
    if (held && response.ok) await keepResponse(cache, path, response.clone());
    return response;
  });
  if (!held) return network;
  event.waitUntil(network.catch(() => undefined));
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, networkTimeout));
  const answer = await Promise.race([network, late]).catch(() => undefined);
  return answer ?? savedCopy(path, held);
}

/** `/` offline: a kept language's home, the one the browser prefers of those kept, if any. */
async function keptHome(): Promise<Response> {
  const kept = await keptLanguages();
  const lang = preferredLanguage(navigator.languages.join(','), kept) ?? kept[0];
  return lang ? Response.redirect(`/${lang}/`, 302) : Response.error();
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
  if (typeof lang === 'string') event.waitUntil(keepLanguage(lang));
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || url.search) return;
  if (url.pathname === '/' && request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(keptHome));
  } else if (url.pathname.startsWith('/_astro/')) event.respondWith(cacheFirst(request));
  else if (revisions.has(url.pathname)) event.respondWith(networkFirst(event, url.pathname));
});
