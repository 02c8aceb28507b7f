/** The link-preview image of each desk in each language (1200×630 PNG): name, desk, place. */
import type { APIContext } from 'astro';
import { localizedCollection } from '../../../../page-data/content';
import { localeCodes } from '../../../../lib/locales';
import { previewCard } from '../../../../page-data/preview';
import { previewPng } from '../../../../images/preview';

export async function getStaticPaths() {
  const paths = [];
  for (const lang of localeCodes) {
    for (const item of await localizedCollection('activities', lang)) {
      paths.push({ params: { lang, slug: item.slug }, props: { title: item.entry.data.title } });
    }
  }
  return paths;
}

export async function GET({ locals, props }: APIContext<{ title: string }>) {
  const png = previewPng(await previewCard(locals.lang, locals.t, props.title));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
