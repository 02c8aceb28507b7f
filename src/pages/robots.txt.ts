/** robots.txt: everything may be indexed; the sitemap lists every page in every language. */
import type { APIContext } from 'astro';

export function GET({ site }: APIContext) {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
