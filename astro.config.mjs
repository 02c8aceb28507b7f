// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { locales, sourceLocale } from './src/i18n/locales.ts';
import { sitemapLinks } from './src/lib/sitemap.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://polo-siracusa.it',
  output: 'static',
  // The Node server serves the static pages and, later, the on-demand routes (newsletter).
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  build: {
    // One request per page: the CSS is small enough to travel inside the HTML.
    inlineStylesheets: 'always',
  },
  vite: {
    build: {
      // Scripts always travel as files, however small: the coming Content-Security-Policy
      // forbids inline scripts. (CSS stays inline through `inlineStylesheets` above.)
      assetsInlineLimit: 0,
    },
  },
  // The tests build other copies of the content without touching the real build and its cache.
  outDir: process.env.POLO_OUT_DIR ?? 'dist',
  cacheDir: process.env.POLO_CACHE_DIR ?? 'node_modules/.astro',
  integrations: [
    sitemap({
      i18n: {
        defaultLocale: sourceLocale,
        locales: Object.fromEntries(locales.map((l) => [l.code, l.code])),
      },
      serialize: (item) => ({ ...item, links: sitemapLinks(item.url) }),
    }),
  ],
});
