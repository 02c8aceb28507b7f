/** Content in a given language, with the Italian fallback. Used by pages at build time. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { italianDay } from '../lib/hours/schedule';
import type { Hours } from '../schemas/content';
import type { UiStrings } from '../schemas/ui';
import type { TranslatedName as Translated } from '../schemas/collections';
import { pickTranslations, type Localized } from '../lib/translations';
import { localeCodes, localeInfo, sourceLocale, type Locale } from '../lib/locales';
import { createTranslator, type Translator } from '../i18n/translate';
import { hoursRecordingOf, type Recording } from './recording';

// A build reads each collection once, not once per page (and warns once about an empty one).
// In development every call reads afresh, so edits show at once.
const loaded = new Map<Translated, Promise<CollectionEntry<Translated>[]>>();

function entriesOf<C extends Translated>(collection: C): Promise<CollectionEntry<C>[]> {
  if (import.meta.env.DEV) return getCollection(collection);
  if (!loaded.has(collection)) loaded.set(collection, getCollection(collection));
  return loaded.get(collection) as Promise<CollectionEntry<C>[]>;
}

/** Every entry of a collection in `lang`, falling back to Italian entry by entry. */
export async function localizedCollection<C extends Translated>(
  collection: C,
  lang: Locale,
): Promise<Localized<CollectionEntry<C>>[]> {
  return pickTranslations(await entriesOf(collection), lang);
}

/** One entry in `lang`, e.g. localizedEntry('pages', 'privacy', 'ar'). */
export async function localizedEntry<C extends Translated>(
  collection: C,
  slug: string,
  lang: Locale,
): Promise<Localized<CollectionEntry<C>>> {
  const found = (await localizedCollection(collection, lang)).find((e) => e.slug === slug);
  if (!found) throw new Error(`content/${collection}/${sourceLocale}/${slug}.md is missing`);
  return found;
}

/** `getStaticPaths` result for a page that exists once per language. */
export function everyLanguage() {
  return localeCodes.map((lang) => ({ params: { lang } }));
}

/** Today in Italy when the site is built: upcoming closures and timetables start here. */
export const buildDay = italianDay(Date.now()).iso;

/**
 * The opening hours (language-neutral) as the build day sees them: `weekly` is the timetable
 * in force, `next` is there only while it is still to come. E.g. built on 2027-02-01 with
 * `next.from: 2027-02-01`, `weekly` is the new timetable and there is no `next`.
 */
async function hoursEntry() {
  const entry = await getEntry('hours', 'polo');
  if (!entry) throw new Error('content/hours.yaml must have an entry named "polo"');
  return entry;
}

export async function openingHours(): Promise<Hours> {
  const entry = await hoursEntry();
  const { next, ...hours } = entry.data;
  if (!next) return hours;
  return next.from <= buildDay ? { ...hours, weekly: next.weekly } : { ...hours, next };
}

/** The hours page's recording in `lang`, against the timetables as written (`next` not yet merged). */
export async function hoursPageRecording(lang: Locale): Promise<Recording | undefined> {
  return hoursRecordingOf((await hoursEntry()).data, lang);
}

/** The days the Polo is closed by rule, in the order of content/holidays.yaml. */
export async function poloHolidays() {
  const entry = await getEntry('holidays', 'polo');
  if (!entry) throw new Error('content/holidays.yaml must have an entry named "polo"');
  return entry.data.holidays;
}

/** The Polo's place and contacts (language-neutral). */
export async function poloPlace() {
  const entry = await getEntry('place', 'polo');
  if (!entry) throw new Error('content/place.yaml must have an entry named "polo"');
  return entry.data;
}

/** What a page needs to speak `lang`: its direction, Intl tag and `t()`, e.g. for the Italian half of a card. */
export async function localeText(lang: Locale): Promise<{
  lang: Locale;
  dir: 'ltr' | 'rtl';
  intl: string;
  t: Translator;
  /** Who wrote the interface words: `machine` until a person has checked them. */
  uiTranslation: UiStrings['translation'];
}> {
  const strings = await getEntry('ui', lang);
  if (!strings) throw new Error(`content/ui/${lang}.yaml is missing`);
  const { dir, intl } = localeInfo(lang);
  return {
    lang,
    dir,
    intl,
    t: createTranslator(strings.data, intl, dir),
    uiTranslation: strings.data.translation,
  };
}
