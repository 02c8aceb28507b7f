/** Dates and times through Intl, in the page's language and in Italian time. */
import { sampleDateOf, type Weekday } from './calendar-days.ts';

export { weekdays, type Weekday } from './calendar-days.ts';

/** Italian time: the one time zone of the Polo's hours, dates and calendars. */
export const siteTimeZone = 'Europe/Rome';

/** A calendar date in words, e.g. formatDate('2026-11-26', 'it-IT') => '26 novembre 2026'. */
export function formatDate(isoDate: string, intlLocale: string): string {
  // Noon UTC is the same calendar day in Rome in every season.
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: siteTimeZone }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
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
