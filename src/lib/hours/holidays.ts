/**
 * The days the Polo is closed by rule, worked out from the rules of `content/holidays.yaml`:
 * a day every year (MM-DD), a number of days after Easter Sunday, or one date, each within its
 * first and last year when it has them. Plain date arithmetic, no time zones. The build turns
 * the rules into dates; the browser only ever sees the dates.
 */
import { addDays, isCalendarDate, isoDay } from '../calendar-days.ts';

/** When a holiday falls: exactly one of `day`, `easter`, `date`. */
export interface HolidayRule {
  /** Every year on this day, MM-DD, e.g. '12-25'. */
  day?: string | undefined;
  /** Every year this many days after Easter Sunday, e.g. 1 for Easter Monday. */
  easter?: number | undefined;
  /** Once, on this date, YYYY-MM-DD. */
  date?: string | undefined;
  /** The first and last year the rule applies, both included. */
  fromYear?: number | undefined;
  untilYear?: number | undefined;
}

/** The holidays of a span of days by date, each the index of its rule, e.g. { '2027-01-01': 0 }. */
export type HolidayDates = Record<string, number>;

/**
 * Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher), e.g. 2026 => '2026-04-05'.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(year, month, day);
}

/**
 * The date of a rule in a year, if it has one then, e.g. ({ easter: 1 }, 2027) => '2027-03-29',
 * ({ day: '10-04', fromYear: 2026 }, 2025) => undefined. A 29 February falls in leap years only.
 */
export function holidayIn(rule: HolidayRule, year: number): string | undefined {
  if (rule.fromYear !== undefined && year < rule.fromYear) return undefined;
  if (rule.untilYear !== undefined && year > rule.untilYear) return undefined;
  if (rule.date !== undefined) return rule.date.startsWith(`${year}-`) ? rule.date : undefined;
  if (rule.easter !== undefined) return addDays(easterSunday(year), rule.easter);
  if (rule.day === undefined) return undefined;
  const [month = 0, day = 0] = rule.day.split('-').map(Number);
  return isCalendarDate(year, month, day) ? isoDay(year, month, day) : undefined;
}

/**
 * Every holiday from `from` to `until` (both YYYY-MM-DD, included) by date; where two rules
 * give the same day, the first in the list names it. E.g. ([{ day: '12-25' }], '2027-01-01',
 * '2027-12-31') => { '2027-12-25': 0 }.
 */
export function holidayDates(rules: readonly HolidayRule[], from: string, until: string) {
  const dates: HolidayDates = {};
  rules.forEach((rule, index) => {
    // An Easter offset can move a holiday into the year before or after.
    for (let year = Number(from.slice(0, 4)) - 1; year <= Number(until.slice(0, 4)) + 1; year++) {
      const iso = holidayIn(rule, year);
      if (iso !== undefined && from <= iso && iso <= until && !(iso in dates)) dates[iso] = index;
    }
  });
  return Object.fromEntries(Object.entries(dates).sort(([a], [b]) => a.localeCompare(b)));
}
