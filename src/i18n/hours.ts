/** The opening hours of the content, ready for pages in one language. Build time only. */
import { calendarWords } from '../lib/hours/calendar-words';
import { holidayIds } from '../lib/hours/holidays';
import type { ScheduleData } from '../lib/hours/schedule';
import type { StatusKey, StatusStrings } from '../lib/hours/status-text';
import { uiKeys } from '../schemas/ui';
import { upcomingClosures } from '../lib/hours/upcoming';
import { buildDay, localizedCollection, openingHours } from './content';

export { buildDay } from './content';
import type { Locale } from './locales';
import type { Translator } from './translate';

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
export function statusStrings(t: Translator, intl: string, dir: 'ltr' | 'rtl'): StatusStrings {
  return {
    calendar: calendarWords(intl),
    rtl: dir === 'rtl',
    text: Object.fromEntries(statusKeys.map((key) => [key, t(key)])) as StatusStrings['text'],
    holidays: Object.fromEntries(
      holidayIds.map((id) => [id, t(`holiday.${id}`)]),
    ) as StatusStrings['holidays'],
  };
}

/** Closures in the twelve months after the build. */
export async function upcoming(lang: Locale, t: Translator) {
  return upcomingClosures(await scheduleData(lang, t), buildDay);
}
