/** `t()` of a language, for server routes that answer in the subscriber's language. */
import { localeText } from './content';
import type { Locale } from './locales';
import type { Translator } from './translate';

export async function translatorFor(lang: Locale): Promise<Translator> {
  return (await localeText(lang)).t;
}
