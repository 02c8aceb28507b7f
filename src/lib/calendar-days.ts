/**
 * Calendar days written YYYY-MM-DD, and their arithmetic. A calendar day has no time zone:
 * everything here counts in UTC, where every day is 24 hours long.
 */

/** A day in milliseconds, for lifetimes counted from a timestamp, e.g. 2 * dayMs. */
export const dayMs = 24 * 60 * 60_000;

const weekdayIndex = {
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
} as const;

export type Weekday = keyof typeof weekdayIndex;

/** Days of the week in order, Monday first as in Italy. */
export const weekdays = Object.keys(weekdayIndex) as Weekday[];

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD from its parts, e.g. isoDay(2027, 3, 29) => '2027-03-29'. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day, e.g. (2028, 2, 29) => true, (2026, 2, 30) => false. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const utcNoon = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** The date `days` later (earlier when negative), e.g. ('2026-12-31', 1) => '2027-01-01'. */
export function addDays(iso: string, days: number): string {
  const date = utcNoon(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day after a date, e.g. '2026-12-31' => '2027-01-01'. */
export const nextDay = (iso: string): string => addDays(iso, 1);

/** The day before a date, e.g. '2027-02-01' => '2027-01-31'. */
export const previousDay = (iso: string): string => addDays(iso, -1);

/** Days from one date to another, e.g. ('2026-03-28', '2026-03-30') => 2, over a clock change too. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utcNoon(toIso).getTime() - utcNoon(fromIso).getTime()) / 864e5);
}

/** The weekday of a calendar date, e.g. '2026-11-30' => 'monday'. */
export function weekdayOf(iso: string): Weekday {
  // getUTCDay() counts from Sunday; the week here starts on Monday.
  return weekdays[(utcNoon(iso).getUTCDay() + 6) % 7] as Weekday;
}

/** The date of a weekday in a week that starts on Monday 2024-01-01 (for names of days). */
export function sampleDateOf(day: Weekday): Date {
  return new Date(Date.UTC(2024, 0, 1 + weekdayIndex[day], 12));
}
