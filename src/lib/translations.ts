/**
 * Choosing the text to show in a language: its translation when there is one, otherwise the
 * Italian original, marked as a fallback so the page can say so in the reader's language.
 */
import { sourceLocale, type Locale } from './locales';

export interface Localized<E> {
  /** Same in every language, e.g. 'lavoro'. */
  slug: string;
  entry: E;
  /** Language the entry is written in: the page's, or Italian when falling back. */
  lang: Locale;
  fallback: boolean;
  /** The Italian original (the entry itself when it is Italian or a fallback). */
  original: E;
}

/** Slug and language of an entry id, e.g. 'ar/lavoro' => { lang: 'ar', slug: 'lavoro' }. */
export function splitId(id: string): { lang: string; slug: string } {
  const [lang = '', ...rest] = id.split('/');
  return { lang, slug: rest.join('/') };
}

/**
 * One entry per Italian original, in `lang` where translated, e.g. for 'fr' with
 * ['it/a', 'it/b', 'fr/a'] => [fr/a, it/b (fallback)]. Order follows the Italian entries.
 */
export function pickTranslations<E extends { id: string }>(
  entries: E[],
  lang: Locale,
): Localized<E>[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries
    .filter((e) => splitId(e.id).lang === sourceLocale)
    .map((original) => {
      const { slug } = splitId(original.id);
      const translated = byId.get(`${lang}/${slug}`);
      return translated
        ? { slug, entry: translated, lang, fallback: false, original }
        : { slug, entry: original, lang: sourceLocale, fallback: true, original };
    });
}

/**
 * The review a page can honestly state: the text's own date, never the Italian original's.
 * An Italian edit moves the original's date, not what the translation says; a machine
 * translation's date is the day it was made from the Italian text, and is shown as such,
 * e.g. a machine 'ar/lavoro' => { date: <lastReviewed of ar/lavoro>, translation: 'machine' }.
 */
export function reviewOf(item: {
  entry: { data: { lastReviewed: string; translation: string } };
}): { date: string; translation?: 'machine' } {
  const { lastReviewed, translation } = item.entry.data;
  return translation === 'machine'
    ? { date: lastReviewed, translation: 'machine' }
    : { date: lastReviewed };
}
