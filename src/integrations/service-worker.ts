/**
 * Builds the service worker (src/sw/worker.ts) into /sw.js once the pages are written: it
 * carries, for each language of the locale list, the address and content revision of every
 * file a reader keeps (src/lib/offline.ts). A deploy that changes a page changes /sw.js, which
 * is how browsers learn to refresh their kept copy.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { siteTimeZone } from '../lib/dates.ts';
import { locales } from '../lib/locales.ts';
import { fileUrl, isKeptFile, withinBudget, workerPath } from '../lib/offline.ts';

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
 * Per language, the address and revision of every file kept, read from the built site: those
 * that fit the language's budget, the home, hours and desks first (src/lib/offline.ts).
 */
export function keptFiles(client: string): Record<string, Record<string, string>> {
  return Object.fromEntries(
    locales.map(({ code }) => {
      const folder = join(client, code);
      const candidates = [...files(folder)]
        .map((path) => relative(folder, path).split(sep).join('/'))
        .filter(isKeptFile)
        .map((path) => ({ path, bytes: brotliBytes(join(folder, path)) }));
      const own = withinBudget(candidates).map(({ path }) => [
        fileUrl(`${code}/${path}`),
        revision(join(folder, path)),
      ]);
      return [code, Object.fromEntries(own)];
    }),
  );
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'polo-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const client = fileURLToPath(dir);
        const kept = keptFiles(client);
        const data = Object.fromEntries(
          locales.map(({ code, intl }) => [code, { intl, files: kept[code] }]),
        );
        const result = await build({
          entryPoints: [fileURLToPath(new URL('../sw/worker.ts', import.meta.url))],
          bundle: true,
          minify: true,
          format: 'iife',
          target: 'es2020',
          write: false,
          define: { KEPT: JSON.stringify(data), SITE_TIME_ZONE: JSON.stringify(siteTimeZone) },
        });
        writeFileSync(join(client, workerPath), result.outputFiles[0]?.text ?? '');
        logger.info(
          `${workerPath}: ${Object.keys(kept[locales[0].code] ?? {}).length} files kept per language`,
        );
      },
    },
  };
}
