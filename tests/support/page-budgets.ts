/**
 * Byte budgets of a build, counted, never timed: the HTML with its inline CSS and scripts fits
 * 11 KB brotli (one round trip, with room for what staff add), everything a page loads fits
 * 20 KB, and what one language keeps for offline reading 150 KB, the home, hours and desks
 * first. Functions of a build folder, so that the real build and a copy with staff edits are
 * held to the same budgets.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { keptFiles } from '../../src/integrations/service-worker';
import { keptBudget } from '../../src/lib/offline';

const kb = 1024;
export const htmlBudget = 11 * kb;
export const pageBudget = 20 * kb;
export const workerBudget = 8 * kb;

/** Every file under `dir`, at any depth. */
export function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** A text's or a file's size at brotli quality 11, as the build precompresses it. */
export const brotliBytes = (text: string | Buffer) =>
  brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export const brotli = (path: string) => brotliBytes(readFileSync(path));

/** What breaks the budget of a page's HTML alone, e.g. 'x.html: HTML 11300 B brotli, budget 11264'. */
export function htmlBudgetProblem(page: string, htmlBytes: number): string | undefined {
  return htmlBytes > htmlBudget
    ? `${page}: HTML ${htmlBytes} B brotli, budget ${htmlBudget}`
    : undefined;
}

/**
 * A paragraph's text that adds about `bytes` to a compressed page: digests in base64, which no
 * compressor shrinks below their 6 bits a letter, the same every run.
 */
export function incompressibleText(bytes: number): string {
  return Array.from({ length: Math.ceil(bytes / 33) }, (_, i) =>
    createHash('sha256').update(String(i)).digest('base64'),
  ).join(' ');
}

// The editor at /admin/ is for staff, not readers: its budget is not a reader's (docs/benchmarks.md).
export const isEditor = (client: string, path: string) =>
  relative(client, path).split(sep)[0] === 'admin';

/** The readers' pages of a build, as paths under `client`, e.g. 'it/orari/index.html'. */
export const readerPages = (client: string) =>
  [...walk(client)]
    .filter((path) => path.endsWith('.html') && !isEditor(client, path))
    .map((path) => relative(client, path));

/** What a browser fetches to show the page: styles, scripts, icons, manifest, images (not data: URLs, which are in the page). */
export function loadedBy(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:link|script|img|source|iframe|video|audio)\b[^>]*>/g)) {
    const rel = tag.match(/\brel="([^"]*)"/)?.[1] ?? '';
    // Links to other documents (alternates, canonical) are not fetched with the page.
    if (
      tag.startsWith('<link') &&
      !/\b(stylesheet|icon|manifest|preload|modulepreload|apple-touch-icon)\b/.test(rel)
    )
      continue;
    // A recording offered with preload="none" is fetched only when the reader presses play.
    if (tag.startsWith('<audio') && /\bpreload="none"/.test(tag)) continue;
    const url = tag.match(/\b(?:src|href)="([^"]*)"/)?.[1];
    if (url && !url.startsWith('data:')) urls.add(url);
  }
  for (const [, url] of html.matchAll(/url\(\s*['"]?([^'")]+)/g))
    if (url && !url.startsWith('data:')) urls.add(url);
  return [...urls];
}

/** What in one page of the build in `client` breaks its budgets; empty when it keeps them. */
export function pageBudgetProblems(client: string, page: string): string[] {
  const path = join(client, page);
  const html = readFileSync(path, 'utf8');
  const problems: string[] = [];
  const htmlBytes = brotli(path);
  const tooHeavy = htmlBudgetProblem(page, htmlBytes);
  if (tooHeavy) problems.push(tooHeavy);
  const loaded = loadedBy(html);
  // The link-preview image is only named (og:image), for apps that show a shared link: the
  // page never loads it, so it counts in no budget.
  const preview = html.match(/<meta property="og:image" content="([^"]*)"/)?.[1];
  if (preview) {
    const { pathname } = new URL(preview);
    if (loaded.some((url) => new URL(url, preview).pathname === pathname)) {
      problems.push(`${page} loads its preview image`);
    }
  }
  // One request per page: scripts, styles and the favicon (a data: URL) travel inside the
  // HTML; the manifest is linked by a script once the page is on screen.
  if (loaded.length > 0) problems.push(`${page} loads other files: ${loaded.join(', ')}`);
  let total = htmlBytes;
  for (const url of loaded) {
    if (!/^\/(?!\/)/.test(url)) {
      problems.push(`${page} loads ${url} from another site`);
      continue;
    }
    const file = join(client, url.split(/[?#]/)[0] ?? url);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      problems.push(`${page} loads ${url}, which the build lacks`);
      continue;
    }
    total += brotli(file);
  }
  if (total > pageBudget) {
    problems.push(`${page}: ${total} B brotli with everything it loads, budget ${pageBudget}`);
  }
  return problems;
}

// keptFiles compresses every language's files: once per build, not once per language asked.
const keptByClient = new Map<string, ReturnType<typeof keptFiles>>();
function keptFilesOf(client: string) {
  const kept = keptByClient.get(client) ?? keptFiles(client);
  keptByClient.set(client, kept);
  return kept;
}

/**
 * What one language keeps for offline reading in the build in `client`, in brotli bytes, and
 * the desks' pages it has: the home, the hours and every desk must be among the kept, whatever
 * is published (the worker keeps them first; src/lib/offline.ts).
 */
export function keptBytes(client: string, lang: string) {
  const fileOf = (url: string) => join(client, url.endsWith('/') ? `${url}index.html` : url);
  const urls = Object.keys(keptFilesOf(client)[lang] ?? {});
  const bytes = urls.reduce((sum, url) => sum + brotli(fileOf(url)), 0);
  const desks = readdirSync(join(client, lang, 'sportelli'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/${lang}/sportelli/${entry.name}/`);
  const first = [`/${lang}/`, `/${lang}/orari/`, ...desks];
  return { urls, bytes, budget: keptBudget, missing: first.filter((url) => !urls.includes(url)) };
}
