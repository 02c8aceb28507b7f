/**
 * The status line in words, e.g. 'Aperto ora · chiude alle 13:00' or
 * 'Chiuso oggi: festività (Lunedì dell’Angelo) · apre mercoledì alle 09:00'.
 * Shared by the browser script and the tests; the strings come from the page's language.
 */
import type { HolidayId } from './holidays';
import { nextDay } from './holidays';
import {
  hoursStatus,
  italianDay,
  italianInstant,
  periodsOn,
  timeZone,
  type HoursStatus,
  type ScheduleData,
} from './schedule';
import { fill } from '../../i18n/translate';
import { isolate } from '../bidi';
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

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T12:00:00Z`) - Date.parse(`${fromIso}T12:00:00Z`)) / 864e5,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One Intl formatter per language and style, made at its first use: making one is slow. */
function formatter(intl: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intl} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(intl, { timeZone, ...options })));
  return made;
}

/** The status in the page's language, as of `now`. */
export function statusText(status: HoursStatus, now: number, strings: StatusStrings): string {
  const { intl, text } = strings;
  const bidi = (s: string) => (strings.rtl ? isolate(s) : s);
  const format = (instant: number, options: Intl.DateTimeFormatOptions) =>
    bidi(formatter(intl, options).format(instant));
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

/**
 * The longest text the status line can show from `from` on, found by asking at the start of
 * every day and a minute after every closing time: the page reserves its room, so that the
 * line moves nothing when the script writes it.
 */
export function longestStatusText(
  data: ScheduleData,
  strings: StatusStrings,
  from: number,
  days = 400,
): string {
  let longest = '';
  let iso = italianDay(from).iso;
  for (let i = 0; i < days; i++, iso = nextDay(iso)) {
    const moments = [
      italianInstant(iso, '00:01'),
      ...periodsOn(data, iso).map(([, end]) => end + 60_000),
    ];
    for (const now of moments) {
      const text = statusText(hoursStatus(data, now), now, strings);
      if (text.length > longest.length) longest = text;
    }
  }
  return longest;
}
