/** The content collections under `content/`, and the schemas that check them at build time. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { contentDir } from './loaders/content-dir';
import { checkedFile, checkedYamlFiles, localizedGlob } from './loaders/localized-loader';
import {
  activitySchema,
  hoursSchema,
  languageNeutralFields,
  noticeSchema,
  pageSchema,
  partnerSchema,
  placeSchema,
  programmeSchema,
} from './schemas/content';
import { uiSchema } from './schemas/ui';
import { sourceLocale } from './lib/locales';

const at = (name: string) => join(contentDir, name);

// Notices may name a desk; the desks are the Italian activity files.
const activitySlugs = readdirSync(at(`activities/${sourceLocale}`))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3));

/** A collection with one folder per language; facts come from the Italian original. */
function translated<S extends z.ZodType>(name: keyof typeof languageNeutralFields, schema: S) {
  return defineCollection({
    loader: localizedGlob(at(name), schema, languageNeutralFields[name]),
    schema,
  });
}

/** A language-neutral YAML file of named entries. */
function oneFile<S extends z.ZodType>(name: string, schema: S) {
  return defineCollection({ loader: checkedFile(at(name), schema), schema });
}

export const collections = {
  activities: translated('activities', activitySchema),
  programme: translated('programme', programmeSchema),
  pages: translated('pages', pageSchema),
  notices: translated('notices', noticeSchema(activitySlugs)),
  hours: oneFile('hours.yaml', hoursSchema),
  partners: oneFile('partners.yaml', partnerSchema),
  place: oneFile('place.yaml', placeSchema),
  ui: defineCollection({ loader: checkedYamlFiles(at('ui'), uiSchema), schema: uiSchema }),
};
