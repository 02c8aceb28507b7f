// @ts-check
import { defineConfig, envField } from 'astro/config';
import netlify from '@astrojs/netlify';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { locales, sourceLocale } from './src/lib/locales.ts';
import { sitemapLinks } from './src/lib/sitemap.ts';
import { precompress } from './src/integrations/precompress.ts';
import { cmsAssets } from './src/integrations/cms-assets.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { readAloudScript } from './src/integrations/read-aloud-script.ts';
import { pageCsp } from './src/integrations/page-csp.ts';
import { buildInfo } from './src/integrations/build-info.ts';
import { languageRedirects } from './src/integrations/language-redirects.ts';
import { buildSettings, namesReadBy } from './src/settings/settings.ts';

// The environment, read and checked by the one declaration of every setting.
const build = buildSettings();

export default defineConfig({
  site: build.site,
  output: 'static',
  // The Node server serves the static pages and the on-demand routes (404, newsletter);
  // DEPLOY_TARGET=netlify builds the same site for Netlify's serverless functions instead.
  adapter: build.netlify
    ? // Never ship the local database and secret of the machine that builds.
      netlify({ excludeFiles: ['./.data/**/*'] })
    : // Middleware mode: src/server/http/serve.ts is the server (headers, compressed files).
      node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  build: {
    // One request per page: the CSS is small enough to travel inside the HTML.
    inlineStylesheets: 'always',
  },
  // A component's styles reach its own elements by a class added to the one they have, not by
  // a data-astro-cid-… attribute on each: fewer bytes in every page (docs/benchmarks.md).
  scopedStyleStrategy: 'class',
  vite: {
    build: {
      // One request per page: the page's scripts travel inside its HTML too (the CSP below
      // carries their hashes). Any other asset stays a file of its own.
      assetsInlineLimit: (file) => file.endsWith('.js'),
    },
  },
  // The tests build other copies of the content without touching the real build and its cache.
  outDir: build.outDir,
  cacheDir: build.cacheDir,
  // The origin check is done by the newsletter routes themselves: Astro's own refuses the
  // cookie-less one-click unsubscribe (RFC 8058) that mail providers send without Origin.
  security: {
    checkOrigin: false,
    // Each page's CSP, in a <meta>: the hashes of its inline styles and scripts, nothing inline
    // without one. The directives a <meta> cannot carry (frame-ancestors) are HTTP headers,
    // from public/_headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'self'",
      ],
    },
  },
  env: {
    // The settings the on-demand routes read, when the server runs, not when it is built
    // ('secret' is astro:env's word for that). Astro hands them over as text; settings.ts checks
    // them, so a mistake is one line naming the variable wherever the site runs.
    schema: Object.fromEntries(
      namesReadBy('site').map((name) => [
        name,
        envField.string({ context: 'server', access: 'secret', optional: true }),
      ]),
    ),
  },
  integrations: [
    sitemap({
      i18n: {
        defaultLocale: sourceLocale,
        locales: Object.fromEntries(locales.map((l) => [l.code, l.code])),
      },
      // The editor at /admin/ is for the Polo's staff, not for search engines; nor is the
      // thank-you page of the accessibility report, reached only by sending the form, nor
      // /lingua/, the chooser that / already is (its canonical).
      filter: (page) =>
        !/^\/admin\/|\/accessibilita\/grazie\/$|^\/lingua\/$/.test(new URL(page).pathname),
      serialize: (item) => ({ ...item, links: sitemapLinks(item.url) }),
    }),
    // Before precompress, so that the editor's files and the worker are compressed too.
    cmsAssets(),
    // Before the worker, which records each page's revision.
    pageCsp(),
    // The page reader, a file of its own loaded when "listen" is pressed; compressed below.
    readAloudScript(),
    serviceWorker(),
    precompress(),
    // The commit built, beside the site, for `npm run doctor`.
    buildInfo(),
    // Netlify sends / to the browser's language by its own rules (npm start, by the server).
    ...(build.netlify ? [languageRedirects()] : []),
  ],
});
