/**
 * The one list of the site's languages. Routes, `<html lang dir>`, the language switcher,
 * hreflang alternates, the sitemap and the RSS feeds are all derived from it.
 * Adding a language: a line here, a `content/ui/{code}.yaml` file, and content folders.
 */
export const locales = [
  // `intl` is the tag handed to Intl.*: 24-hour times everywhere, as on Italian signs and tickets.
  // `script` is the Unicode script its text is written in: a file in the wrong folder shows.
  // `og` is the Open Graph locale of link previews (language_TERRITORY, as WhatsApp and
  // Telegram read it; Arabic's is ar_AR).
  { code: 'it', label: 'Italiano', dir: 'ltr', intl: 'it-IT', script: 'Latin', og: 'it_IT' },
  { code: 'en', label: 'English', dir: 'ltr', intl: 'en-GB', script: 'Latin', og: 'en_GB' },
  { code: 'fr', label: 'Français', dir: 'ltr', intl: 'fr-FR', script: 'Latin', og: 'fr_FR' },
  // Latin digits: the ones on Italian clocks, buses and forms that readers compare them with.
  { code: 'ar', label: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn', script: 'Arabic', og: 'ar_AR' },
  // Sinhala as written in Sri Lanka: Intl gives 24-hour times with a dot (09.00), as a phone set
  // to Sinhala shows them, and Latin digits, the ones Sri Lanka uses. Its month names are the
  // site's own, not Intl's (src/lib/dates.ts, docs/languages.md#dates).
  { code: 'si', label: 'සිංහල', dir: 'ltr', intl: 'si-LK', script: 'Sinhala', og: 'si_LK' },
  // Sri Lankan Tamil: ta-LK writes 24-hour times (15:05) even without hourCycle, where ta-IN
  // writes 03:05 PM. Facebook and WhatsApp know Tamil only as ta_IN.
  { code: 'ta', label: 'தமிழ்', dir: 'ltr', intl: 'ta-LK', script: 'Tamil', og: 'ta_IN' },
  // Somali's own clock is 12-hour ('06:00 GD'); every time is formatted by dates.ts, with h23.
  { code: 'so', label: 'Soomaali', dir: 'ltr', intl: 'so-SO', script: 'Latin', og: 'so_SO' },
] as const;

export type Locale = (typeof locales)[number]['code'];
export type LocaleInfo = (typeof locales)[number];

/** The language every text is written in first; others fall back to it. */
export const sourceLocale: Locale = 'it';

export const localeCodes: readonly Locale[] = locales.map((l) => l.code);

/** Type guard, e.g. isLocale('ar') => true, isLocale('de') => false. */
export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (localeCodes as readonly string[]).includes(value);
}

/** The locale's full record, e.g. localeInfo('ar').dir => 'rtl'. */
export function localeInfo(code: Locale): LocaleInfo {
  const info = locales.find((l) => l.code === code);
  if (!info) throw new Error(`Unknown locale "${code}"`);
  return info;
}
