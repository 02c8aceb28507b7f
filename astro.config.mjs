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
import { pageCsp } from './src/integrations/page-csp.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://polo-siracusa.it',
  output: 'static',
  // The Node server serves the static pages and the on-demand routes (404, newsletter);
  // DEPLOY_TARGET=netlify builds the same site for Netlify's serverless functions instead.
  adapter:
    process.env.DEPLOY_TARGET === 'netlify'
      ? // Never ship the local database and secret of the machine that builds.
        netlify({ excludeFiles: ['./.data/**/*'] })
      : // Middleware mode: src/server/http/serve.ts is the server (headers, compressed files).
        node({ mode: 'middleware' }),
  trailingSlash: 'ignore',
  build: {
    // One request per page: the CSS is small enough to travel inside the HTML.
    inlineStylesheets: 'always',
  },
  vite: {
    build: {
      // One request per page: the page's scripts travel inside its HTML too (the CSP below
      // carries their hashes). Any other asset stays a file of its own.
      assetsInlineLimit: (file) => file.endsWith('.js'),
    },
  },
  // The tests build other copies of the content without touching the real build and its cache.
  outDir: process.env.POLO_OUT_DIR ?? 'dist',
  cacheDir: process.env.POLO_CACHE_DIR ?? 'node_modules/.astro',
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
    schema: {
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      DATABASE_AUTH_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      NEWSLETTER_SECRET: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Read when the server runs, not when it is built ('secret' is astro:env's word for that).
      MAIL_FROM: envField.string({ context: 'server', access: 'secret', optional: true }),
      NEWSLETTER_RATE_LIMIT: envField.number({
        context: 'server',
        access: 'secret',
        optional: true,
      }),
      // Links in mails point here (the build's `site` otherwise), never to a request's Host.
      SITE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      TRUST_PROXY: envField.boolean({ context: 'server', access: 'secret', optional: true }),
      DATA_DIR: envField.string({ context: 'server', access: 'secret', optional: true }),
      // Accessibility reports are mailed here; unset, they are only stored (README).
      STAFF_EMAIL: envField.string({ context: 'server', access: 'secret', optional: true }),
    },
  },
  integrations: [
    sitemap({
      i18n: {
        defaultLocale: sourceLocale,
        locales: Object.fromEntries(locales.map((l) => [l.code, l.code])),
      },
      // The editor at /admin/ is for the Polo's staff, not for search engines; nor is the
      // thank-you page of the accessibility report, reached only by sending the form.
      filter: (page) => !/^\/admin\/|\/accessibilita\/grazie\/$/.test(new URL(page).pathname),
      serialize: (item) => ({ ...item, links: sitemapLinks(item.url) }),
    }),
    // Before precompress, so that the editor's files and the worker are compressed too.
    cmsAssets(),
    // Before the worker, which records each page's revision.
    pageCsp(),
    serviceWorker(),
    precompress(),
  ],
});
