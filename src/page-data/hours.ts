/** The opening hours of the content, ready for pages in one language. Build time only. */
import { holidayIds } from '../lib/hours/holidays';
import type { ScheduleData } from '../lib/hours/schedule';
import { longestStatusText, type StatusKey, type StatusStrings } from '../i18n/status-text';
import { uiKeys } from '../schemas/ui';
import { upcomingClosures } from '../lib/hours/upcoming';
import { buildDay, localizedCollection, openingHours } from './content';
import { dateWords, formatTime, weekdayName, weekdays } from '../lib/dates';

export { buildDay } from './content';
import type { Locale } from '../lib/locales';
import type { Translator } from '../i18n/translate';

/** Weekly slots, holiday overrides and the closures notices declare, reasons in `lang`. */
export async function scheduleData(lang: Locale, t: Translator): Promise<ScheduleData> {
  const hours = await openingHours();
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
  };
}

const statusKeys = uiKeys.filter((key): key is StatusKey => key.startsWith('status.'));

/** The strings the status line needs in the browser, in the page's language. */
export async function statusStrings(
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
    holidays: Object.fromEntries(
      holidayIds.map((id) => [id, t(`holiday.${id}`)]),
    ) as StatusStrings['holidays'],
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

const longest = new Map<string, Promise<string>>();

/** The longest status line of the coming year in `lang` (worked out once per language). */
export function longestStatus(lang: Locale, t: Translator, intl: string, dir: 'ltr' | 'rtl') {
  let text = longest.get(lang);
  if (text === undefined) {
    text = Promise.all([scheduleData(lang, t), statusStrings(t, intl, dir)]).then(
      ([data, strings]) => longestStatusText(data, strings, Date.now()),
    );
    longest.set(lang, text);
  }
  return text;
}
