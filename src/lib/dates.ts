/** Dates and times through Intl, in the page's language and in Italian time. */
import { sampleDateOf, type Weekday } from './calendar-days.ts';
import { fillDate, type DateWords } from './date-words.ts';

export { weekdays, type Weekday } from './calendar-days.ts';

/** Italian time: the one time zone of the Polo's hours, dates and calendars. */
export const siteTimeZone = 'Europe/Rome';

/**
 * The dates of the languages whose Intl words are not the site's (docs/languages.md#dates):
 * Sinhala's Intl (CLDR 48) has the traditional month names of the lunar calendar (උඳුවප් for
 * December) where Sri Lankan notices and the site's own text write the Gregorian ones
 * (දෙසැම්බර්); Chromium has no Sinhala or Somali data at all ("2026 M12 4"). Day first in
 * Somali, as the site's Somali text writes it ("13 Diseembar"; Intl puts the month first).
 */
const ownDates: Record<string, { long: string; dayMonth: string; months: readonly string[] }> = {
  si: {
    long: '{year} {month} {day}',
    dayMonth: '{month} {day}',
    months: [
      'ජනවාරි',
      'පෙබරවාරි',
      'මාර්තු',
      'අප්‍රේල්',
      'මැයි',
      'ජූනි',
      'ජූලි',
      'අගෝස්තු',
      'සැප්තැම්බර්',
      'ඔක්තෝබර්',
      'නොවැම්බර්',
      'දෙසැම්බර්',
    ],
  },
  so: {
    long: '{day} {month} {year}',
    dayMonth: '{day} {month}',
    months: [
      'Janaayo',
      'Febraayo',
      'Maarso',
      'Abriil',
      'Maayo',
      'Juun',
      'Luulyo',
      'Agosto',
      'Sebtembar',
      'Oktoobar',
      'Noofeembar',
      'Diseembar',
    ],
  },
};

const dateOptions = {
  long: { dateStyle: 'long' },
  dayMonth: { day: 'numeric', month: 'long' },
} as const;

const wordsMade = new Map<string, DateWords>();

/**
 * A language's one set of date words, for a whole date or a day of a month, e.g.
 * dateWords('it-IT') => { pattern: '{day} {month} {year}', months: ['gennaio', …] },
 * dateWords('si-LK', 'dayMonth') => { pattern: '{month} {day}', months: ['ජනවාරි', …] }.
 */
export function dateWords(intlLocale: string, form: 'long' | 'dayMonth' = 'long'): DateWords {
  const key = `${intlLocale} ${form}`;
  let words = wordsMade.get(key);
  if (!words) {
    const own = ownDates[intlLocale.split('-')[0] ?? ''];
    const format = new Intl.DateTimeFormat(intlLocale, { ...dateOptions[form], timeZone: 'UTC' });
    // The shape from a day whose parts are all told apart: the 22nd of a month, in 2024.
    const parts = format.formatToParts(Date.UTC(2024, 0, 22, 12));
    words = own
      ? { pattern: own[form], months: own.months }
      : {
          pattern: parts
            .map(({ type, value }) =>
              type === 'day' || type === 'month' || type === 'year' ? `{${type}}` : value,
            )
            .join(''),
          months: Array.from(
            { length: 12 },
            (_, month) =>
              format
                .formatToParts(Date.UTC(2024, month, 22, 12))
                .find((part) => part.type === 'month')?.value ?? '',
          ),
        };
    wordsMade.set(key, words);
  }
  return words;
}

/** A calendar date in words, e.g. formatDate('2026-11-26', 'it-IT') => '26 novembre 2026'. */
export function formatDate(isoDate: string, intlLocale: string): string {
  return fillDate(dateWords(intlLocale), isoDate);
}

/**
 * An instant as its date and time in Italy, e.g. (2026-12-04T09:05Z, 'it-IT') =>
 * '4 dicembre 2026 alle ore 10:05': Intl's words where its month names are the site's, the
 * site's date and time otherwise.
 */
export function formatMoment(instant: Date, intlLocale: string): string {
  if (!ownDates[intlLocale.split('-')[0] ?? '']) {
    return new Intl.DateTimeFormat(intlLocale, {
      dateStyle: 'long',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone: siteTimeZone,
    }).format(instant);
  }
  // Sweden writes ISO dates and 24-hour times: the day and time in Italy, in figures.
  const [day = '', time = ''] = instant
    .toLocaleString('sv-SE', { timeZone: siteTimeZone })
    .split(' ');
  return `${formatDate(day, intlLocale)}, ${formatTime(time.slice(0, 5), intlLocale)}`;
}

/** A weekday's name, e.g. weekdayName('monday', 'fr-FR') => 'lundi'. */
export function weekdayName(day: Weekday, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' }).format(
    sampleDateOf(day),
  );
}

/** A wall-clock time, e.g. formatTime('09:00', 'en-GB') => '09:00'; 'ar-u-nu-latn' => '09:00'. */
export function formatTime(hhmm: string, intlLocale: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(intlLocale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}
