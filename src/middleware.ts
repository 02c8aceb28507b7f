/**
 * Gives every page its language and `t()`: the language is the first segment of the path
 * (`/ar/orari/` => Arabic), Italian where the path names none (`/`, unknown paths). In a
 * language written in another script, the finished page's Latin names become `<bdi lang="it">`.
 * Under `astro dev`, while the content has a mistake, every page shows the mistake instead.
 */
import { defineMiddleware } from 'astro:middleware';
import { localeText } from './page-data/content';
import { contentProblemsPage } from './page-data/content-problems';
import { sourceLocale } from './lib/locales';
import { markLatinNames, marksLatinNames } from './lib/latin-names';
import { localeOfPath } from './lib/paths';

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
  if (!marksLatinNames(lang) || !response.headers.get('content-type')?.startsWith('text/html')) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(markLatinNames(await response.text(), lang), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
});
