/** The Polo's name beside its Italian one, where the reader's language has another. */
import { plainText } from '../lib/share';
import type { Translator } from './translate';

/**
 * The Polo's name in the page's language, or undefined where it is the Italian name itself,
 * e.g. for French 'Pôle social intégré de Syracuse', for Italian undefined.
 */
export function translatedSiteName(t: Translator): string | undefined {
  const translated = t('site.name.translated');
  return plainText(translated) === plainText(t('site.name')) ? undefined : translated;
}

/** The Polo's names as page titles end, e.g. 'Polo Sociale … – Pôle social intégré …'. */
export function siteNames(t: Translator): string {
  const translated = translatedSiteName(t);
  return translated ? `${t('site.name')} – ${translated}` : t('site.name');
}
