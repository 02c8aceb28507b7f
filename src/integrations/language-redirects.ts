/**
 * Netlify's half of `/` in the reader's language: rules of `_redirects` that send `/` to a
 * language's home when the browser names it, as `npm start` does (src/server/http/language-home.ts).
 * Netlify's `Language` condition matches only the first language of `Accept-Language`, without
 * q-values (docs/operations.md, "The first address"): a browser whose first language the
 * site does not speak gets the chooser, where `npm start` would try its next ones.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeCodes } from '../lib/locales.ts';

/**
 * One rule a language, e.g. '/  /so/  302!  Language=so': temporary (the answer depends on
 * the browser), and forced (`!`), since the chooser's own file at `/` would otherwise win.
 */
export function languageRules(codes: readonly string[] = localeCodes): string {
  return [
    "# / in the browser's first language, when the site speaks it; else the chooser (index.html).",
    ...codes.map((code) => `/  /${code}/  302!  Language=${code}`),
    '',
  ].join('\n');
}

/** Where the adapter's config of its function says it takes every path, static files first. */
const adapterRoute = /(\bpath: '\/\*',\s*preferStatic: true,)/;

/**
 * The adapter's function (`path: '/*'`) with `/` left out: Netlify looks at a function's
 * paths before the redirect rules, so `/` must be no function's for the rules to be read.
 */
export function withoutRoot(ssrModule: string): string {
  if (!adapterRoute.test(ssrModule)) {
    throw new Error(
      "the Netlify adapter's function no longer declares path '/*' with preferStatic: check how / reaches the language rules",
    );
  }
  return ssrModule.replace(adapterRoute, "$1 excludedPath: ['/'],");
}

/** Writes the rules first in the build's `_redirects`, and keeps `/` out of the function. */
export function languageRedirects(): AstroIntegration {
  let root: URL;
  return {
    name: 'polo-language-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      // After the adapter's own hook (adapters run first), which writes its function.
      'astro:build:done': ({ dir, logger }) => {
        const file = fileURLToPath(new URL('_redirects', dir));
        const others = existsSync(file) ? readFileSync(file, 'utf8') : '';
        writeFileSync(file, `${languageRules()}${others}`);
        const ssr = fileURLToPath(new URL('.netlify/v1/functions/ssr/ssr.mjs', root));
        writeFileSync(ssr, withoutRoot(readFileSync(ssr, 'utf8')));
        logger.info(`_redirects: / in ${localeCodes.length} languages`);
      },
    },
  };
}
