/** The opening hours of the content, ready for pages in one language. Build time only. */
import { holidayDates } from '../lib/hours/holidays';
import type { ScheduleData } from '../lib/hours/schedule';
import type { StatusKey, StatusStrings } from '../i18n/status-text';
import { statusChanges } from '../i18n/status-changes';
import type { StatusChanges } from '../lib/hours/status-lookup';
import { statusSpanDays } from './status-span';
import { uiKeys } from '../schemas/ui';
import { upcomingClosures } from '../lib/hours/upcoming';
import { buildDay, localizedCollection, openingHours, poloHolidays } from './content';
import { dateWords, formatTime, weekdayName, weekdays } from '../lib/dates';
import { sourceLocale } from '../lib/locales';
import { addDays } from '../lib/calendar-days';

export { buildDay } from './content';
export { statusSpanDays } from './status-span';
import type { Locale } from '../lib/locales';
import type { Translator } from '../i18n/translate';

/**
 * The days whose holidays the build works out: two years from the build day, as long as the
 * calendar file and longer than the status line's last day plus its search for the next
 * opening (400 days). Pages are rebuilt every day.
 */
export const holidaySpan = { from: buildDay, until: addDays(buildDay, 731) };

/**
 * Each holiday's name in `lang` as a page shows it, in the order of content/holidays.yaml:
 * the Italian name (`lang: 'it'`) where staff have not written one in `lang` yet.
 */
export async function holidayNames(lang: Locale): Promise<{ text: string; lang?: Locale }[]> {
  return (await poloHolidays()).map(({ name, names }) => {
    const own = lang === sourceLocale ? name : names?.[lang];
    return own === undefined ? { text: name, lang: sourceLocale } : { text: own };
  });
}

/** Weekly slots, holiday overrides and the closures notices declare, reasons in `lang`. */
export async function scheduleData(lang: Locale, t: Translator): Promise<ScheduleData> {
  const hours = await openingHours();
  const holidays = holidayDates(await poloHolidays(), holidaySpan.from, holidaySpan.until);
  const notices = await localizedCollection('notices', lang);
  const week = (weekly: typeof hours.weekly) =>
    Object.fromEntries(weekly.map((d) => [d.day, d.slots]));
  return {
    weekly: week(hours.weekly),
    ...(hours.next ? { next: { from: hours.next.from, weekly: week(hours.next.weekly) } } : {}),
    openOn: hours.openOn,
    closures: notices.flatMap(({ entry }) =>
      entry.data.closure ? [{ ...entry.data.closure, reason: t.isolate(entry.data.title) }] : [],
    ),
    holidays,
  };
}

const statusKeys = uiKeys.filter((key): key is StatusKey => key.startsWith('status.'));

/** The strings the status line is written with, in the page's language. */
export async function statusStrings(
  lang: Locale,
  t: Translator,
  intl: string,
  dir: 'ltr' | 'rtl',
): Promise<StatusStrings> {
  const hours = await openingHours();
  const slots = [hours.weekly, hours.next?.weekly ?? []].flat().flatMap((day) => day.slots);
  const dayMonth = dateWords(intl, 'dayMonth');
  return {
    rtl: dir === 'rtl',
    text: Object.fromEntries(statusKeys.map((key) => [key, t(key)])) as StatusStrings['text'],
    holidays: (await holidayNames(lang)).map((name) => t.isolate(name.text)),
    weekdays: weekdays.map((day) => weekdayName(day, intl)),
    months: dayMonth.months.map((name) =>
      dayMonth.pattern.replace('{month}', name).replace('{day}', '#'),
    ),
    times: Object.fromEntries(
      slots
        .flatMap(({ opens, closes }) => [opens, closes])
        .map((hhmm) => [hhmm, formatTime(hhmm, intl)]),
    ),
  };
}

/** Closures in the twelve months after the build. */
export async function upcoming(lang: Locale, t: Translator) {
  return upcomingClosures(await scheduleData(lang, t), buildDay);
}

const changes = new Map<string, Promise<StatusChanges>>();

/**
 * The status line's changes in `lang` from the build day on, for `statusSpanDays` days (worked
 * out once per language): the browser only looks them up.
 */
export function hoursChanges(lang: Locale, t: Translator, intl: string, dir: 'ltr' | 'rtl') {
  let found = changes.get(lang);
  if (found === undefined) {
    found = Promise.all([scheduleData(lang, t), statusStrings(lang, t, intl, dir)]).then(
      ([data, strings]) => statusChanges(data, strings, buildDay, statusSpanDays),
    );
    changes.set(lang, found);
  }
  return found;
}
