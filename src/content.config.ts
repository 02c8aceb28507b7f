/** The content collections under `content/`, and the schemas that check them at build time. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './lib/content-dir';
import { checkedFile, localizedGlob } from './lib/localized-loader';
import {
  activitySchema,
  hoursSchema,
  noticeSchema,
  pageSchema,
  partnerSchema,
  placeSchema,
  programmeSchema,
} from './schemas/content';
import { uiSchema } from './schemas/ui';
import { sourceLocale } from './i18n/locales';

const at = (name: string) => join(contentDir, name);

// Notices may name a desk; the desks are the Italian activity files.
const activitySlugs = readdirSync(at(`activities/${sourceLocale}`))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3));

export const collections = {
  activities: defineCollection({ loader: localizedGlob(at('activities')), schema: activitySchema }),
  programme: defineCollection({ loader: localizedGlob(at('programme')), schema: programmeSchema }),
  pages: defineCollection({ loader: localizedGlob(at('pages')), schema: pageSchema }),
  notices: defineCollection({
    loader: localizedGlob(at('notices')),
    schema: noticeSchema(activitySlugs),
  }),
  hours: defineCollection({ loader: checkedFile(at('hours.yaml')), schema: hoursSchema }),
  partners: defineCollection({ loader: checkedFile(at('partners.yaml')), schema: partnerSchema }),
  place: defineCollection({ loader: checkedFile(at('place.yaml')), schema: placeSchema }),
  ui: defineCollection({ loader: glob({ pattern: '*.yaml', base: at('ui') }), schema: uiSchema }),
};
