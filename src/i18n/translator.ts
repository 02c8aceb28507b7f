/** `t()` of a language, from its UI strings in the content. */
import { getEntry } from 'astro:content';
import { localeInfo, type Locale } from './locales';
import { createTranslator, type Translator } from './translate';

export async function translatorFor(lang: Locale): Promise<Translator> {
  const strings = await getEntry('ui', lang);
  if (!strings) throw new Error(`content/ui/${lang}.yaml is missing`);
  const info = localeInfo(lang);
  return createTranslator(strings.data, info.intl, info.dir);
}
