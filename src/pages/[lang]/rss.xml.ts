/** RSS feed of the notices, one per language. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { localizedCollection, everyLanguage } from '../../page-data/content';
import { localePath } from '../../lib/paths';
import { newestFirst } from '../../lib/notices';

export const getStaticPaths = everyLanguage;

export async function GET(context: APIContext) {
  const { lang, t } = context.locals;
  const notices = newestFirst(await localizedCollection('notices', lang));
  return rss({
    title: `${t('notices.title')} · ${t('site.name')}`,
    description: t('notices.summary'),
    site: context.site ?? context.url.origin,
    customData: `<language>${lang}</language>`,
    items: notices.map(({ slug, entry }) => ({
      title: entry.data.title,
      description: entry.data.summary,
      pubDate: new Date(`${entry.data.published}T12:00:00Z`),
      link: localePath(lang, `/avvisi/${slug}/`),
    })),
  });
}
