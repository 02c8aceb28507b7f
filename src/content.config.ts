/** The content collections under `content/` (see `src/schemas/collections.ts`), for the build. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { contentDir } from './loaders/content-dir';
import { checkedFile, checkedYamlFiles, localizedGlob } from './loaders/localized-loader';
import {
  contentCollections,
  eachCollection,
  schemaOf,
  type CollectionName,
  type SchemaOf,
} from './schemas/collections';
import { sourceLocale } from './lib/locales';

const at = (path: string) => join(contentDir, path);

// Notices may name a desk; the desks are the Italian activity files.
const activitySlugs = readdirSync(at(`${contentCollections.activities.path}/${sourceLocale}`))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3));

/** The loader of a collection, by its layout under `content/`. */
function loaderOf(name: CollectionName, schema: SchemaOf<CollectionName>): Loader {
  const collection = contentCollections[name];
  switch (collection.kind) {
    // One folder per language; facts come from the Italian original.
    case 'translated':
      return localizedGlob(at(collection.path), schema, collection.languageNeutral);
    case 'one-file':
      return checkedFile(at(collection.path), schema);
    case 'ui-strings':
      return checkedYamlFiles(at(collection.path), schema);
  }
}

export const collections = Object.fromEntries(
  eachCollection().map(({ name }) => {
    const schema = schemaOf(name, activitySlugs);
    return [name, defineCollection({ loader: loaderOf(name, schema), schema })];
  }),
) as { [N in CollectionName]: { loader: Loader; schema: SchemaOf<N> } };
