import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/lib/locales';
import { sitemapLinks } from '../../src/lib/sitemap';

describe('sitemap alternates', () => {
  it('lists the page in every language with the Italian as x-default', () => {
    // Every language of the locale list, so that adding one needs no change here.
    expect(sitemapLinks('https://x.it/ar/orari/')).toEqual([
      ...localeCodes.map((lang) => ({ lang, url: `https://x.it/${lang}/orari/` })),
      { lang: 'x-default', url: 'https://x.it/it/orari/' },
    ]);
  });

  it('makes the language chooser the x-default of the home pages, and no Italian page', () => {
    for (const url of ['https://x.it/', 'https://x.it/fr/']) {
      const links = sitemapLinks(url);
      expect(links.filter((l) => l.lang === 'it')).toEqual([
        { lang: 'it', url: 'https://x.it/it/' },
      ]);
      expect(links.at(-1)).toEqual({ lang: 'x-default', url: 'https://x.it/' });
    }
  });
});
