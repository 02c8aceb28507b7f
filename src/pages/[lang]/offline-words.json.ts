/**
 * The words of the offline page in one language (src/lib/offline-page.ts), for the service
 * worker's build: src/integrations/service-worker.ts reads them into /sw.js and removes this
 * file, so that every language's page is there offline, whatever language was visited.
 */
import type { APIContext } from 'astro';
import { everyLanguage } from '../../page-data/content';
import { siteNames } from '../../i18n/site-name';
import { dateWords } from '../../lib/dates';
import type { OfflineWords } from '../../lib/offline-page';

export const getStaticPaths = everyLanguage;

export function GET({ locals }: APIContext): Response {
  const { lang, dir, intl, t } = locals;
  const words: OfflineWords = {
    lang,
    dir,
    siteName: siteNames(t),
    title: t('offline.missing.title'),
    text: t('offline.missing.text'),
    list: t('offline.missing.list'),
    item: t('offline.missing.item'),
    none: t('offline.missing.none'),
    retry: t('offline.missing.retry'),
    dates: dateWords(intl),
  };
  return Response.json(words);
}
