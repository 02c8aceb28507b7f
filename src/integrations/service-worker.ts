/**
 * Builds the service worker (src/sw/worker.ts) into /sw.js once the pages are written: it
 * carries, for each language of the locale list, the address and content revision of every
 * file a reader keeps (src/lib/offline.ts), and the words of its offline page. A deploy that changes a page changes /sw.js, which
 * is how browsers learn to refresh their kept copy.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { locales, sourceLocale } from '../lib/locales.ts';
import { fileUrl, isKeptFile, offlineWordsFile, withinBudget, workerPath } from '../lib/offline.ts';
import { offlinePageStyle, type OfflineWords } from '../lib/offline-page.ts';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const revision = (path: string) =>
  createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 10);

const brotliBytes = (path: string) =>
  brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    .length;

/**
 * Per language, the address and revision of every file a reader may keep, read from the built
 * site: `kept`, those that fit the language's budget, the home, hours and desks first
 * (src/lib/offline.ts), fetched after a first visit; `onceVisited`, the rest, kept when read.
 */
export function offlineFiles(client: string) {
  return Object.fromEntries(
    locales.map(({ code }) => {
      const folder = join(client, code);
      const candidates = [...files(folder)]
        .map((path) => relative(folder, path).split(sep).join('/'))
        .filter(isKeptFile)
        .map((path) => ({ path, bytes: brotliBytes(join(folder, path)) }));
      const addressed = (list: typeof candidates) =>
        Object.fromEntries(
          list.map(({ path }) => [fileUrl(`${code}/${path}`), revision(join(folder, path))]),
        );
      const kept = withinBudget(candidates);
      const rest = candidates.filter((file) => !kept.includes(file));
      return [code, { kept: addressed(kept), onceVisited: addressed(rest) }];
    }),
  );
}

/** Per language, the address and revision of every file kept after a first visit. */
export function keptFiles(client: string): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(offlineFiles(client)).map(([code, { kept }]) => [code, kept]),
  );
}

/** The words of each language's offline page, which the build wrote beside its pages. */
function offlineWords(client: string, code: string): OfflineWords {
  const file = join(client, code, offlineWordsFile);
  const words = JSON.parse(readFileSync(file, 'utf8')) as OfflineWords;
  // In the worker, not on the site: nothing links to it.
  rmSync(file);
  return words;
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'polo-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const client = fileURLToPath(dir);
        const byLanguage = offlineFiles(client);
        const data = Object.fromEntries(
          locales.map(({ code }) => [
            code,
            { ...byLanguage[code], words: offlineWords(client, code) },
          ]),
        );
        const styleHash = `sha256-${createHash('sha256').update(offlinePageStyle).digest('base64')}`;
        const result = await build({
          entryPoints: [fileURLToPath(new URL('../sw/worker.ts', import.meta.url))],
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2020',
          // The words as they are: escaped, Sinhala or Tamil letters weigh six bytes each.
          charset: 'utf8',
          write: false,
          define: {
            KEPT: JSON.stringify(data),
            SOURCE_LOCALE: JSON.stringify(sourceLocale),
            OFFLINE_STYLE_HASH: JSON.stringify(styleHash),
          },
        });
        writeFileSync(join(client, workerPath), result.outputFiles[0]?.text ?? '');
        const first = byLanguage[locales[0].code];
        logger.info(
          `${workerPath}: ${Object.keys(first?.kept ?? {}).length} files kept per language, ${Object.keys(first?.onceVisited ?? {}).length} once visited`,
        );
      },
    },
  };
}
