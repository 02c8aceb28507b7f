/**
 * Gives every page its language and `t()`: the language is the first segment of the path
 * (`/ar/orari/` => Arabic), Italian where the path names none (`/`, unknown paths).
 */
import { defineMiddleware } from 'astro:middleware';
import { localeText } from './i18n/content';
import { sourceLocale } from './i18n/locales';
import { localeOfPath } from './lib/paths';

export const onRequest = defineMiddleware(async (context, next) => {
  const lang = localeOfPath(context.url.pathname) ?? sourceLocale;
  const { dir, intl, t, uiTranslation } = await localeText(lang);
  context.locals.lang = lang;
  context.locals.dir = dir;
  context.locals.intl = intl;
  context.locals.t = t;
  context.locals.uiTranslation = uiTranslation;
  return next();
});
