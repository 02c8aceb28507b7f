/**
 * Gives every page its language and `t()`: the language is the first segment of the path
 * (`/ar/orari/` => Arabic), Italian where the path names none (`/`, unknown paths).
 */
import { getEntry } from 'astro:content';
import { defineMiddleware } from 'astro:middleware';
import { localeInfo, sourceLocale } from './i18n/locales';
import { createTranslator } from './i18n/translate';
import { localeOfPath } from './lib/paths';

export const onRequest = defineMiddleware(async (context, next) => {
  const lang = localeOfPath(context.url.pathname) ?? sourceLocale;
  const strings = await getEntry('ui', lang);
  if (!strings) throw new Error(`content/ui/${lang}.yaml is missing`);
  const info = localeInfo(lang);
  context.locals.lang = lang;
  context.locals.dir = info.dir;
  context.locals.intl = info.intl;
  context.locals.t = createTranslator(strings.data, info.intl, info.dir);
  return next();
});
