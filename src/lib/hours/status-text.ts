/**
 * The status line in words, e.g. 'Aperto ora · chiude alle 13:00' or
 * 'Chiuso oggi: festività (Lunedì dell’Angelo) · apre mercoledì alle 09:00'.
 * Shared by the browser script and the tests; the strings come from the page's language.
 */
import type { HolidayId } from './holidays';
import { nextDay } from './holidays';
import { italianDay, italianWallTime, type HoursStatus } from './schedule';
import { dayMonthText, timeText, type CalendarWords } from './calendar-words';
import { fill } from '../../i18n/translate';
import { isolate } from '../bidi';
import type { UiKey } from '../../schemas/ui';

/** The UI strings of the status line; the page passes only these to the browser. */
export type StatusKey = Extract<UiKey, `status.${string}`>;

export interface StatusStrings {
  /** Weekdays, months and times in the page's language, from the build's Intl. */
  calendar: CalendarWords;
  rtl: boolean;
  text: Record<StatusKey, string>;
  holidays: Record<HolidayId, string>;
}

/** Within this many days the weekday alone is clear ("opens Wednesday"); beyond, add the date. */
const weekdayOnlyWithin = 6;

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T12:00:00Z`) - Date.parse(`${fromIso}T12:00:00Z`)) / 864e5,
  );
}

/** The status in the page's language, as of `now`. */
export function statusText(status: HoursStatus, now: number, strings: StatusStrings): string {
  const { calendar, text } = strings;
  const bidi = (s: string) => (strings.rtl ? isolate(s) : s);
  const time = (instant: number) => {
    const { hours, minutes } = italianWallTime(instant);
    return bidi(timeText(calendar, hours, minutes));
  };
  const dayMonth = (iso: string) => bidi(dayMonthText(calendar, iso));

  if (status.state === 'open') return fill(text['status.open'], { time: time(status.closesAt) });

  let next = text['status.next.none'];
  if (status.nextOpening !== undefined) {
    const today = italianDay(now).iso;
    const opening = italianDay(status.nextOpening).iso;
    const vars = {
      time: time(status.nextOpening),
      day: bidi(calendar.weekdays[italianDay(status.nextOpening).weekday]),
      date: dayMonth(opening),
    };
    const key =
      opening === today
        ? 'status.next.today'
        : opening === nextDay(today)
          ? 'status.next.tomorrow'
          : daysBetween(today, opening) <= weekdayOnlyWithin
            ? 'status.next.weekday'
            : 'status.next.date';
    next = fill(text[key], vars);
  }

  const closed = status.closedDay;
  if (closed?.kind === 'closure') {
    return fill(text['status.closure'], {
      date: dayMonth(closed.closure.to),
      reason: closed.closure.reason,
      next,
    });
  }
  if (closed?.kind === 'holiday') {
    return fill(text['status.holiday'], { name: strings.holidays[closed.holiday], next });
  }
  return fill(text[status.reason === 'lunch-break' ? 'status.lunch' : 'status.closed'], { next });
}
