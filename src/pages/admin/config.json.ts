/**
 * /admin/config.json: the editor's configuration, made at build time from the zod schemas and
 * the content that exists (the desks a notice may name, the entries of each one-file collection).
 */
import { getCollection } from 'astro:content';
import { sourceLocale } from '../../lib/locales';
import { eachCollection, type OneFileName } from '../../schemas/collections';
import { backendFromEnv } from '../../cms/backend';
import { decapConfig } from '../../cms/decap-config';
import { buildSettings } from '../../settings/settings';

export async function GET() {
  const desks = (await getCollection('activities'))
    .filter((entry) => entry.id.startsWith(`${sourceLocale}/`))
    .map((entry) => entry.id.slice(sourceLocale.length + 1))
    .sort();
  const entries = {} as Record<OneFileName, string[]>;
  for (const collection of eachCollection()) {
    if (collection.kind !== 'one-file') continue;
    entries[collection.name] = (await getCollection(collection.name)).map((entry) => entry.id);
  }
  const config = decapConfig({ desks, entries }, backendFromEnv(buildSettings().cms));
  return new Response(JSON.stringify(config, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
