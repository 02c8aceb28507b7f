/** URL helpers. Every page's path is `/{lang}{path}`, with the same Italian slugs in every language. */
import { isLocale, type Locale } from './locales';

/** Path inside a language, e.g. localePath('ar', '/orari/') => '/ar/orari/'. */
export function localePath(lang: Locale, path = '/'): string {
  return `/${lang}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Language named by a path, e.g. '/ar/orari/' => 'ar'; undefined when the path names none. */
export function localeOfPath(pathname: string): Locale | undefined {
  const first = pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}

/** Path without its language, e.g. '/ar/orari/' => '/orari/', '/ar' => '/'. */
export function stripLocale(pathname: string): string {
  if (!localeOfPath(pathname)) return pathname;
  const rest = pathname.split('/').slice(2).join('/');
  return `/${rest}`;
}

/**
 * The page's absolute address, the one its canonical link names, e.g.
 * pageUrl('ar', '/orari/', new URL('https://polo-siracusa.it')) => 'https://polo-siracusa.it/ar/orari/'.
 */
export function pageUrl(lang: Locale, path: string, site: URL | undefined): string {
  return new URL(localePath(lang, path), site).href;
}
