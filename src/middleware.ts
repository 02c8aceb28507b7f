/**
 * Gives every page its language and `t()`: the language is the first segment of the path
 * (`/ar/orari/` => Arabic), Italian where the path names none (`/`, unknown paths).
 */
import { defineMiddleware } from 'astro:middleware';
import { localeInfo, sourceLocale } from './i18n/locales';
import { translatorFor } from './i18n/translator';
import { localeOfPath } from './lib/paths';

export const onRequest = defineMiddleware(async (context, next) => {
  const lang = localeOfPath(context.url.pathname) ?? sourceLocale;
  const info = localeInfo(lang);
  context.locals.lang = lang;
  context.locals.dir = info.dir;
  context.locals.intl = info.intl;
  context.locals.t = await translatorFor(lang);
  return next();
});
