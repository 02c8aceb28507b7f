/** The link-preview image of every page that is no desk, in each language (1200×630 PNG). */
import type { APIContext } from 'astro';
import { everyLanguage } from '../../page-data/content';
import { previewCard } from '../../page-data/preview';
import { previewPng } from '../../images/preview';

export const getStaticPaths = everyLanguage;

export async function GET({ locals }: APIContext) {
  const png = previewPng(await previewCard(locals.lang, locals.t));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
