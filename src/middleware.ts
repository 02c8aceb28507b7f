/**
 * Gives every page its language and `t()`: the language is the first segment of the path
 * (`/ar/orari/` => Arabic), Italian where the path names none (`/`, unknown paths). In a
 * language written in another script, the finished page's Latin names become `<bdi lang="it">`;
 * a page made on demand keeps in its CSP header only the hashes of its own inline code.
 * Under `astro dev`, while the content has a mistake, every page shows the mistake instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { localeText } from './page-data/content';
import { contentProblemsPage } from './page-data/content-problems';
import { sourceLocale } from './lib/locales';
import { markLatinNames, marksLatinNames } from './lib/latin-names';
import { localeOfPath } from './lib/paths';
import { inlineHashes, trimPolicy } from './lib/csp';

export const onRequest = defineMiddleware(async (context, next) => {
  // Under `astro dev`, a mistake in the content is every page's answer until it is fixed; the
  // editor at /admin/ stays open, to fix it there.
  if (import.meta.env.DEV && !/^\/admin(\/|$)/.test(context.url.pathname)) {
    const problems = contentProblemsPage();
    if (problems) return problems;
  }
  const lang = localeOfPath(context.url.pathname) ?? sourceLocale;
  const { dir, intl, t, uiTranslation } = await localeText(lang);
  context.locals.lang = lang;
  context.locals.dir = dir;
  context.locals.intl = intl;
  context.locals.t = t;
  context.locals.uiTranslation = uiTranslation;
  const response = await next();
  // A page made on demand carries its CSP as a header, with the hashes of the whole site's
  // inline code: it keeps only its own (src/lib/csp.ts).
  const policy = response.headers.get('content-security-policy');
  if (
    !(marksLatinNames(lang) || policy) ||
    !response.headers.get('content-type')?.startsWith('text/html')
  ) {
    return response;
  }
  const html = markLatinNames(await response.text(), lang);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (policy) headers.set('content-security-policy', trimPolicy(policy, inlineHashes(html)));
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
});
