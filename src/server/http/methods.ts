/**
 * Which request methods each path takes. Pages, assets and `/health` are read-only (GET,
 * HEAD); the newsletter's and the accessibility report's endpoints also take POST and answer
 * the rest themselves.
 */
import { locales } from '../../lib/locales.ts';

const readOnly = 'GET, HEAD';
const langs = locales.map((l) => l.code).join('|');
/** The newsletter's pages with a button that posts (confirm, leave). */
const formPage = new RegExp(`^/(?:${langs})/newsletter/(?:confirm|unsubscribe)/?$`);

/**
 * Methods a Fetch `Request` cannot carry: the server answers them itself, never the
 * application (which would fail with a 500).
 */
const unsupported = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * The `Allow` header of a 405 for `method` on `pathname`, or undefined when the request goes
 * on. E.g. ('DELETE', '/it/orari/') => 'GET, HEAD'; ('GET', '/api/newsletter/subscribe') =>
 * undefined (the endpoint answers its own 405).
 */
export function methodNotAllowed(method: string, pathname: string): string | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/api/newsletter/subscribe' || path === '/api/accessibility/report')
    return unsupported.has(method) ? 'POST' : undefined;
  if (path === '/api/newsletter/unsubscribe' || formPage.test(path)) {
    return ['GET', 'HEAD', 'POST'].includes(method) ? undefined : `${readOnly}, POST`;
  }
  return method === 'GET' || method === 'HEAD' ? undefined : readOnly;
}
