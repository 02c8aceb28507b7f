/**
 * One-click unsubscribe (RFC 8058), the target of the `List-Unsubscribe` header. Mail providers
 * POST `List-Unsubscribe=One-Click` from their servers: no cookie, no Origin, no JavaScript.
 * The signed token is the only credential. A person opening the link lands on the page instead.
 */
import type { APIContext } from 'astro';
import { isLocale, sourceLocale } from '../../../lib/locales';
import { localePath } from '../../../lib/paths';
import { readLimited } from '../../../server/core/request';
import { leave } from '../../../server/newsletter/link-actions';

export const prerender = false;

const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };

export async function POST({ request, url }: APIContext): Promise<Response> {
  await readLimited(request, 1024);
  if (!(await leave(url.searchParams.get('token') ?? '')))
    return new Response('Invalid unsubscribe link.\n', { status: 400, headers });
  return new Response('Unsubscribed.\n', { status: 200, headers });
}

/**
 * Someone opened the link itself: the page with a button, in the language the link names (the
 * mail's), else in Italian (links of older mails name none).
 */
export function GET({ url }: APIContext): Response {
  const named = url.searchParams.get('lang') ?? undefined;
  const token = url.searchParams.get('token') ?? '';
  const page = localePath(isLocale(named) ? named : sourceLocale, '/newsletter/unsubscribe/');
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${page}?${new URLSearchParams({ token }).toString()}`,
      'Cache-Control': 'no-store',
    },
  });
}
