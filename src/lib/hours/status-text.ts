/**
 * The status line in words, e.g. 'Aperto ora · chiude alle 13:00' or
 * 'Chiuso oggi: festività (Lunedì dell’Angelo) · apre mercoledì alle 09:00'.
 * Shared by the browser script and the tests; the strings come from the page's language.
 */
import type { HolidayId } from './holidays';
import { italianDay, timeZone, type HoursStatus } from './schedule';
import { fill } from '../../i18n/translate';
import { isolate } from '../bidi';
import { daysBetween, nextDay } from '../calendar-days';
import type { UiKey } from '../../schemas/ui';

/** The UI strings of the status line; the page passes only these to the browser. */
export type StatusKey = Extract<UiKey, `status.${string}`>;

export interface StatusStrings {
  /** Intl locale tag of the page, e.g. 'ar-u-nu-latn'. */
  intl: string;
  rtl: boolean;
  text: Record<StatusKey, string>;
  holidays: Record<HolidayId, string>;
}

/** Within this many days the weekday alone is clear ("opens Wednesday"); beyond, add the date. */
const weekdayOnlyWithin = 6;

/** The status in the page's language, as of `now`. */
export function statusText(status: HoursStatus, now: number, strings: StatusStrings): string {
  const { intl, text } = strings;
  const bidi = (s: string) => (strings.rtl ? isolate(s) : s);
  const format = (instant: number, options: Intl.DateTimeFormatOptions) =>
    bidi(new Intl.DateTimeFormat(intl, { timeZone, ...options }).format(instant));
  const time = (instant: number) =>
    format(instant, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayMonth = (iso: string) =>
    format(Date.parse(`${iso}T12:00:00Z`), { day: 'numeric', month: 'long' });

  if (status.state === 'open') return fill(text['status.open'], { time: time(status.closesAt) });

  let next = text['status.next.none'];
  if (status.nextOpening !== undefined) {
    const today = italianDay(now).iso;
    const opening = italianDay(status.nextOpening).iso;
    const vars = {
      time: time(status.nextOpening),
      day: format(status.nextOpening, { weekday: 'long' }),
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
