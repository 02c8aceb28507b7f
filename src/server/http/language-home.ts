/**
 * `/` sends a reader whose browser names one of the site's languages to that language's home,
 * with a temporary redirect: the answer depends on `Accept-Language` (the `Vary` of `/` in
 * `_headers`), and a reader who changes it, or opens the chooser at `/lingua/`, is never held
 * by a cached choice. With no site language in the header, `/` is the chooser itself.
 */
import type { IncomingMessage } from 'node:http';
import { preferredLanguage } from '../../lib/accept-language.ts';
import { localeCodes } from '../../lib/locales.ts';

/**
 * Where a request for `pathname` is sent, e.g. GET '/' with 'so,it;q=0.5' => '/so/'; undefined
 * for any other path or method, or no site language in the header (the chooser answers).
 */
export function languageHome(req: IncomingMessage, pathname: string): string | undefined {
  if (pathname !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
  const header = req.headers['accept-language'];
  const lang = preferredLanguage(Array.isArray(header) ? header.join(',') : header, localeCodes);
  return lang && `/${lang}/`;
}
