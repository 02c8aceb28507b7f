/**
 * How one language writes a weekday, a day of the month and a time, read from Intl when the
 * site is built (Node has the data of every language) and carried to the status line in the
 * browser, whose Intl may lack the language: Chromium has no data for Sinhala or Somali and
 * would write "Monday" and "09:00" in a Sinhala sentence.
 */
import { weekdayName, weekdays, type Weekday } from '../dates';

export interface CalendarWords {
  weekdays: Record<Weekday, string>;
  /** Month names as they stand beside a day, January first. */
  months: string[];
  /** e.g. '{day} {month}' in Italian, '{month} {day}' in Somali. */
  dayMonth: string;
  /** e.g. '{hours}:{minutes}'; '{hours}.{minutes}' in Sinhala. */
  time: string;
  /** The language's digits, zero first, e.g. '0123456789'. */
  digits: string;
}

/** A template of Intl's parts, each part of a type in `slots` replaced by its placeholder. */
function template(parts: Intl.DateTimeFormatPart[], slots: Partial<Record<string, string>>) {
  return parts.map((part) => (slots[part.type] ? `{${slots[part.type]}}` : part.value)).join('');
}

/** The words of `intl`, e.g. calendarWords('it-IT').weekdays.monday => 'lunedì'. */
export function calendarWords(intl: string): CalendarWords {
  const dayMonth = new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const monthDay = (month: number) => dayMonth.formatToParts(Date.UTC(2024, month, 15));
  const time = new Intl.DateTimeFormat(intl, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const number = new Intl.NumberFormat(intl, { useGrouping: false });
  return {
    weekdays: Object.fromEntries(weekdays.map((day) => [day, weekdayName(day, intl)])) as Record<
      Weekday,
      string
    >,
    months: Array.from(
      { length: 12 },
      (_, month) => monthDay(month).find((part) => part.type === 'month')?.value ?? '',
    ),
    dayMonth: template(monthDay(0), { day: 'day', month: 'month' }),
    time: template(time.formatToParts(Date.UTC(2024, 0, 1, 21, 43)), {
      hour: 'hours',
      minute: 'minutes',
    }),
    digits: Array.from({ length: 10 }, (_, digit) => number.format(digit)).join(''),
  };
}

const fillIn = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

const inDigits = (words: CalendarWords, n: number, width = 1) =>
  String(n)
    .padStart(width, '0')
    .replace(/\d/g, (d) => words.digits[Number(d)] ?? d);

/** A wall-clock time, e.g. timeText(words, 9, 0) => '09:00' (Italian), '09.00' (Sinhala). */
export function timeText(words: CalendarWords, hours: number, minutes: number): string {
  return fillIn(words.time, {
    hours: inDigits(words, hours, 2),
    minutes: inDigits(words, minutes, 2),
  });
}

/** A day of a month, e.g. dayMonthText(words, '2026-12-13') => '13 dicembre' (Italian). */
export function dayMonthText(words: CalendarWords, iso: string): string {
  const [, month = 1, day = 1] = iso.split('-').map(Number);
  return fillIn(words.dayMonth, {
    day: inDigits(words, day),
    month: words.months[month - 1] ?? '',
  });
}
