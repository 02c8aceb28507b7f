/**
 * The status line in words, e.g. 'Aperto ora · chiude alle 13:00' or
 * 'Chiuso oggi: festività (Lunedì dell’Angelo) · apre mercoledì alle 09:00'.
 * Worked out at build time for the changes a page carries (status-changes.ts); the strings come from the page's language.
 */
import { italianDay, italianTime, type HoursStatus } from '../lib/hours/schedule';
import { fill } from './translate';
import { isolate } from '../lib/bidi';
import { daysBetween, nextDay, weekdays } from '../lib/calendar-days';
import type { UiKey } from '../schemas/ui';

/** The UI strings of the status line; the page passes only these to the browser. */
export type StatusKey = Extract<UiKey, `status.${string}`>;

/**
 * Everything the status line says, in the page's language, made at build time: the browser
 * formats nothing through Intl (its first time-zone formatter is slow on a phone).
 */
export interface StatusStrings {
  rtl: boolean;
  text: Record<StatusKey, string>;
  /** The holidays' names, in the order of content/holidays.yaml. */
  holidays: string[];
  /** Weekday names, Monday first, e.g. 'lunedì'. */
  weekdays: string[];
  /** A day of each month, January first, `#` for the day's number, e.g. '# gennaio'. */
  months: string[];
  /** The opening and closing times of the timetables, as written in the language. */
  times: Record<string, string>;
}

const letter = /[\p{L}\p{M}]/u;

/**
 * Whether a closure's title says closed itself, i.e. has a word starting with one of `words`
 * (the language's list, comma-separated), e.g. ('Chiuso per lavori', 'chius') => true,
 * ('Festa del Polo', 'chius') => false, ('Chiusura natalizia', 'chius') => true.
 */
export function saysClosed(title: string, words: string): boolean {
  const text = title.normalize('NFC').toLowerCase();
  return words
    .split(/[,،]/)
    .map((word) => word.trim().normalize('NFC').toLowerCase())
    .filter(Boolean)
    .some((word) => {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
        // At the start of a word: 'chius' is in "Chiuso", not in "racchiuso".
        if (at === 0 || !letter.test(text.charAt(at - 1))) return true;
      }
      return false;
    });
}

/** Within this many days the weekday alone is clear ("opens Wednesday"); beyond, add the date. */
const weekdayOnlyWithin = 6;

/** The status in the page's language, as of `now`. */
export function statusText(status: HoursStatus, now: number, strings: StatusStrings): string {
  const { text } = strings;
  const bidi = (s: string) => (strings.rtl ? isolate(s) : s);
  const time = (instant: number) => {
    const hhmm = italianTime(instant);
    return bidi(strings.times[hhmm] ?? hhmm);
  };
  const dayMonth = (iso: string) => {
    const [, month = 1, day = 1] = iso.split('-').map(Number);
    return bidi((strings.months[month - 1] ?? '#').replace('#', String(day)));
  };
  const weekday = (instant: number) =>
    bidi(strings.weekdays[weekdays.indexOf(italianDay(instant).weekday)] ?? '');

  if (status.state === 'open') return fill(text['status.open'], { time: time(status.closesAt) });

  let next = text['status.next.none'];
  if (status.nextOpening !== undefined) {
    const today = italianDay(now).iso;
    const opening = italianDay(status.nextOpening).iso;
    const vars = {
      time: time(status.nextOpening),
      day: weekday(status.nextOpening),
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
    const { reason } = closed.closure;
    // "Chiuso fino al 7 gennaio: Chiuso per lavori" says it twice: a title that already says
    // closed stands alone before the date, "Chiuso per lavori fino al 7 gennaio".
    const key = saysClosed(reason, text['status.closure.words'])
      ? 'status.closure.reason'
      : 'status.closure';
    return fill(text[key], { date: dayMonth(closed.closure.to), reason, next });
  }
  if (closed?.kind === 'holiday') {
    return fill(text['status.holiday'], { name: strings.holidays[closed.holiday] ?? '', next });
  }
  return fill(text[status.reason === 'lunch-break' ? 'status.lunch' : 'status.closed'], { next });
}
